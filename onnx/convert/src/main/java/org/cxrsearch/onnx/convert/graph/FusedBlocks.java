package org.cxrsearch.onnx.convert.graph;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.List;
import org.cxrsearch.onnx.convert.checkpoint.LlamaConfig;

/**
 * {@link BlockOps} with ONNX Runtime's contrib operators: {@code SimplifiedLayerNormalization} and
 * {@code SkipSimplifiedLayerNormalization} (residual add + RMS norm in one pass over the activations),
 * {@code RotaryEmbedding} (half-split form, {@code interleaved = 0}) and {@code MultiHeadAttention}
 * with a key padding mask and {@code unidirectional = 0}. MultiHeadAttention needs as many key heads
 * as query heads, so keys and values are broadcast from the kv heads with one Expand.
 */
final class FusedBlocks implements BlockOps {

  private final GraphBuilder g;
  private final LlamaConfig c;
  private final Value positions;
  private final Value cosCache;
  private final Value sinCache;
  private final Value keyPadding;

  FusedBlocks(GraphBuilder g, LlamaConfig c, DataType type, RopeTables rope, Value attentionMask) {
    this.g = g;
    this.c = c;
    g.scope("rope");
    // Only relative offsets matter (MODEL.md §2), so every row starts at position 0.
    this.positions = g.ints(0);
    this.cosCache = g.constant("cos_cache", TensorData.floats(rope.cos(), type, rope.positions(), rope.half()));
    this.sinCache = g.constant("sin_cache", TensorData.floats(rope.sin(), type, rope.positions(), rope.half()));
    g.scope("mask");
    this.keyPadding = g.cast(attentionMask, DataType.INT32);
  }

  @Override
  public Normed addAndNorm(Value residual, Value delta, Value weight) {
    if (delta == null) {
      Value y = g.node("SimplifiedLayerNormalization", "", List.of(residual, weight), 1,
          Attr.of("axis", -1L), Attr.of("epsilon", (float) c.rmsNormEps()), Attr.of("stash_type", 1L))[0];
      return new Normed(y, residual);
    }
    Value[] out = g.node("SkipSimplifiedLayerNormalization", GraphBuilder.MS, List.of(residual, delta, weight),
        new String[] {g.name("normed"), "", "", g.name("residual")}, Attr.of("epsilon", (float) c.rmsNormEps()));
    return new Normed(out[0], out[3]);
  }

  @Override
  public Value selfAttention(Value q, Value k, Value v) {
    long d = c.headDim();
    Value qr = rotary(q, c.heads());
    Value kr = rotary(k, c.kvHeads());
    Value[] inputs = {qr, repeatKv(kr), repeatKv(v), Value.NONE, keyPadding};
    return g.node("MultiHeadAttention", GraphBuilder.MS, List.of(inputs), 1,
        Attr.of("num_heads", (long) c.heads()), Attr.of("scale", 1.0f), Attr.of("unidirectional", 0L))[0];
  }

  private Value rotary(Value x, int heads) {
    return g.node("RotaryEmbedding", GraphBuilder.MS, List.of(x, positions, cosCache, sinCache), 1,
        Attr.of("interleaved", 0L), Attr.of("num_heads", (long) heads),
        Attr.of("rotary_embedding_dim", (long) c.headDim()))[0];
  }

  /** {@code [B, T, kv*d] -> [B, T, heads*d]}, head j reading kv head j / group. */
  private Value repeatKv(Value x) {
    if (c.groupSize() == 1) {
      return x;
    }
    long d = c.headDim();
    Value x5 = g.reshape(x, 0, 0, c.kvHeads(), 1, d);
    return g.reshape(g.expand(x5, 1, 1, 1, c.groupSize(), 1), 0, 0, c.heads() * d);
  }
}
