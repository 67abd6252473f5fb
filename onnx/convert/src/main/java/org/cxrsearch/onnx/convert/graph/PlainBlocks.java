package org.cxrsearch.onnx.convert.graph;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import org.cxrsearch.onnx.convert.checkpoint.LlamaConfig;

/**
 * {@link BlockOps} in standard ONNX operators only (opset 20): portable to any runtime, and the
 * baseline the fused graph is measured against. Grouped-query attention uses MatMul broadcasting
 * over a {@code [B, kvHeads, group, T, d]} view of the queries, so keys and values are never copied
 * per query head.
 */
final class PlainBlocks implements BlockOps {

  /** Added to the scores of padding keys; exp() of it is 0 in float16 and float32. */
  private static final float MASKED = -1e9f;

  private final GraphBuilder g;
  private final LlamaConfig c;
  private final DataType type;
  private final Value eps;
  private final Value cos;
  private final Value sinSigned;
  private final Value maskBias;

  PlainBlocks(GraphBuilder g, LlamaConfig c, DataType type, RopeTables rope, Value inputIds, Value attentionMask) {
    this.g = g;
    this.c = c;
    this.type = type;
    g.scope("rope");
    this.eps = g.scalar((float) c.rmsNormEps(), DataType.FLOAT);
    long d = c.headDim();
    Value seq = g.dim(inputIds, 1);
    Value zero = g.ints(0);
    this.cos = g.slice(g.constant("cos", TensorData.floats(rope.cosFull(), type, rope.positions(), d)), zero, seq, 0);
    this.sinSigned =
        g.slice(g.constant("sin_signed", TensorData.floats(rope.sinSigned(), type, rope.positions(), d)), zero, seq, 0);
    g.scope("mask");
    // [B, T] 1/0 -> additive [B, 1, 1, 1, T] over the scores [B, kvHeads, group, T, T]
    Value keep = g.cast(attentionMask, type);
    Value masked = g.mul(g.sub(g.scalar(1f, type), keep), g.scalar(type == DataType.FLOAT ? MASKED : -65504f, type));
    this.maskBias = g.unsqueeze(masked, 1, 2, 3);
  }

  @Override
  public Normed addAndNorm(Value residual, Value delta, Value weight) {
    Value sum = delta == null ? residual : g.add(residual, delta);
    Value x = type == DataType.FLOAT ? sum : g.cast(sum, DataType.FLOAT);
    Value meanSquare = g.reduceMean(g.mul(x, x), -1);
    Value y = g.div(x, g.sqrt(g.add(meanSquare, eps)));
    if (type != DataType.FLOAT) {
      y = g.cast(y, type);
    }
    return new Normed(g.mul(y, weight), sum);
  }

  @Override
  public Value selfAttention(Value q, Value k, Value v) {
    long d = c.headDim();
    long kv = c.kvHeads();
    long group = c.groupSize();
    // query head j = kv head j / group: [B, T, kv, group, d] -> [B, kv, group, T, d]
    Value q5 = rope(g.transpose(g.reshape(q, 0, 0, kv, group, d), 0, 2, 3, 1, 4));
    Value k5 = rope(g.transpose(g.reshape(k, 0, 0, kv, 1, d), 0, 2, 3, 1, 4));
    Value v5 = g.transpose(g.reshape(v, 0, 0, kv, 1, d), 0, 2, 3, 1, 4);
    Value scores = g.add(g.matMul(q5, g.transpose(k5, 0, 1, 2, 4, 3)), maskBias);
    Value o = g.matMul(g.softmax(scores, -1), v5);
    return g.reshape(g.transpose(o, 0, 3, 1, 2, 4), 0, 0, c.heads() * d);
  }

  /** {@code u cos + rotate_half(u) sin}, with {@code rotate_half(u) sin = concat(u2, u1) sinSigned}. */
  private Value rope(Value u) {
    long half = c.headDim() / 2;
    Value[] parts = g.split(u, -1, half, half);
    Value swapped = g.concat(-1, parts[1], parts[0]);
    return g.add(g.mul(u, cos), g.mul(swapped, sinSigned));
  }
}
