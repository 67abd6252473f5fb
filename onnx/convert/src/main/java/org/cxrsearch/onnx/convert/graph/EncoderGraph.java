package org.cxrsearch.onnx.convert.graph;

import static org.cxrsearch.onnx.convert.checkpoint.CheckpointLayout.LayerTensor;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.Arrays;
import java.util.Map;
import java.util.function.LongConsumer;
import org.cxrsearch.onnx.convert.ConvertOptions;
import org.cxrsearch.onnx.convert.GraphStyle;
import org.cxrsearch.onnx.convert.Precision;
import org.cxrsearch.onnx.convert.checkpoint.CheckpointLayout;
import org.cxrsearch.onnx.convert.checkpoint.LlamaConfig;
import org.cxrsearch.onnx.convert.quant.BlockQuantizer;
import org.cxrsearch.onnx.convert.quant.ChannelQuantizer;
import org.cxrsearch.onnx.convert.safetensors.Checkpoint;

/**
 * Builds the ONNX graph of LLM2Vec4CXR (MODEL.md): a bidirectional Llama backbone (LLM2Vec:
 * BehnamGhader et al. 2024, "LLM2Vec: Large Language Models Are Secretly Powerful Text Encoders",
 * arXiv:2404.05961) followed by latent-attention pooling (NV-Embed: Lee et al. 2024, "NV-Embed:
 * Improved Techniques for Training LLMs as Generalist Embedding Models", arXiv:2405.17428).
 *
 * <p>Inputs {@code input_ids}, {@code attention_mask}, {@code embed_mask} (int64 {@code [batch,
 * seq]}); output {@code embedding} (float32 {@code [batch, hidden]}). Constant folding done here:
 * query, key and value projections are one MatMul (and gate/up another); {@code 1/sqrt(d)} is folded
 * into the query weights; the latent keys and values ({@code latents Wk^T + bk}, {@code latents
 * Wv^T + bv}) are precomputed, so the pooling head only projects queries.
 */
public final class EncoderGraph {

  /** Rows of the RoPE tables: positions the graph accepts (the encoder truncates at 512). */
  public static final int MAX_POSITIONS = 2048;

  /** Default-domain opset: Gelu needs 20. */
  public static final int OPSET = 20;

  private final LlamaConfig c;
  private final CheckpointLayout layout;
  private final Checkpoint checkpoint;
  private final ConvertOptions options;
  private final GraphBuilder g;
  private final LongConsumer progress;
  private final DataType type;
  private final Linear backboneLinear;
  private final Linear headLinear = Linear.dense(DataType.FLOAT);

  /**
   * @param progress receives the number of checkpoint parameters consumed, as they are
   */
  public EncoderGraph(CheckpointLayout layout, Checkpoint checkpoint, ConvertOptions options, GraphBuilder g,
      LongConsumer progress) {
    options.requireLatentHeadsDivide(layout.config().hiddenSize());
    this.c = layout.config();
    this.layout = layout;
    this.checkpoint = checkpoint;
    this.options = options;
    this.g = g;
    this.progress = progress;
    this.type = options.precision() == Precision.FP16 ? DataType.FLOAT16 : DataType.FLOAT;
    this.backboneLinear = switch (options.precision()) {
      case FP32, FP16 -> Linear.dense(type);
      case INT8 -> Linear.dynamicInt8(new ChannelQuantizer());
      case INT8_BLOCK -> Linear.blockQuantized(new BlockQuantizer(8, options.quantBlockSize()), options.accuracyLevel());
      case INT4 -> Linear.blockQuantized(new BlockQuantizer(4, options.quantBlockSize()), options.accuracyLevel());
    };
  }

  /** Builds the graph, writing its weights to the builder's external data as it goes. */
  public ModelProto build(Map<String, String> metadata) {
    Value ids = g.input("input_ids", DataType.INT64, "batch", "sequence");
    Value attentionMask = g.input("attention_mask", DataType.INT64, "batch", "sequence");
    Value embedMask = g.input("embed_mask", DataType.INT64, "batch", "sequence");

    RopeTables rope = RopeTables.of(c, MAX_POSITIONS);
    BlockOps blocks = options.style() == GraphStyle.FUSED
        ? new FusedBlocks(g, c, type, rope, attentionMask)
        : new PlainBlocks(g, c, type, rope, ids, attentionMask);

    g.scope("embed");
    Value x = g.gather(g.constant("embed_tokens", new CheckpointTensorData(checkpoint, CheckpointLayout.EMBED, type)),
        ids);
    progress.accept(checkpoint.info(CheckpointLayout.EMBED).elements());

    Value delta = null;
    for (int l = 0; l < c.layers(); l++) {
      g.scope("layer" + l + "/attn");
      BlockOps.Normed h = blocks.addAndNorm(x, delta, norm(LayerTensor.INPUT_NORM.name(l)));
      Value attn = attention(blocks, l, h.normed());
      g.scope("layer" + l + "/mlp");
      BlockOps.Normed h2 = blocks.addAndNorm(h.residual(), attn, norm(LayerTensor.POST_NORM.name(l)));
      delta = mlp(l, h2.normed());
      x = h2.residual();
    }
    g.scope("final_norm");
    Value hidden = blocks.addAndNorm(x, delta, norm(CheckpointLayout.FINAL_NORM)).normed();
    if (type != DataType.FLOAT) {
      hidden = g.cast(hidden, DataType.FLOAT);
    }
    g.scope("pool");
    Value embedding = latentPooling(hidden, embedMask);
    g.output(embedding, "embedding", DataType.FLOAT, "batch", c.hiddenSize());
    return g.build(OPSET, options.style() == GraphStyle.FUSED || options.precision().quantized(), metadata);
  }

  /** The attention block: fused QKV projection, rotary self-attention, output projection. */
  private Value attention(BlockOps blocks, int l, Value h) {
    int hidden = c.hiddenSize();
    int qDim = c.heads() * c.headDim();
    int kvDim = c.kvHeads() * c.headDim();
    float[] wq = Matrices.scaled(read(LayerTensor.Q.name(l)), (float) (1 / Math.sqrt(c.headDim())));
    float[] qkv = Matrices.concatRows(wq, read(LayerTensor.K.name(l)), read(LayerTensor.V.name(l)));
    Value[] parts = g.split(backboneLinear.apply(g, h, qkv, qDim + 2 * kvDim, hidden, "qkv_proj"), -1, qDim, kvDim,
        kvDim);
    Value o = blocks.selfAttention(parts[0], parts[1], parts[2]);
    return backboneLinear.apply(g, o, read(LayerTensor.O.name(l)), hidden, qDim, "o_proj");
  }

  /** SwiGLU MLP: {@code down(silu(gate(h)) * up(h))}, gate and up as one MatMul. */
  private Value mlp(int l, Value h) {
    int hidden = c.hiddenSize();
    int inter = c.intermediateSize();
    float[] gateUp = Matrices.concatRows(read(LayerTensor.GATE.name(l)), read(LayerTensor.UP.name(l)));
    Value[] gu = g.split(backboneLinear.apply(g, h, gateUp, 2 * inter, hidden, "gate_up_proj"), -1, inter, inter);
    Value silu = g.mul(gu[0], g.sigmoid(gu[0]));
    return backboneLinear.apply(g, g.mul(silu, gu[1]), read(LayerTensor.DOWN.name(l)), hidden, inter, "down_proj");
  }

  /**
   * Latent-attention pooling (MODEL.md §3), in float32 for every precision: each token queries the
   * L constant latent keys/values over {@code latentHeads} heads, then out-projection, a GELU MLP and
   * the mean over {@code embed_mask}.
   */
  private Value latentPooling(Value hidden, Value embedMask) {
    int h = c.hiddenSize();
    int heads = options.latentHeads();
    int d = h / heads;
    int latents = layout.latents();
    float[] inProj = read(CheckpointLayout.IN_PROJ_WEIGHT);
    float[] inBias = read(CheckpointLayout.IN_PROJ_BIAS);
    float[] lat = read(CheckpointLayout.LATENTS);
    float scale = (float) (1 / Math.sqrt(d));

    float[] keys = Matrices.affineRows(lat, latents, h, Matrices.rows(inProj, h, h, 2 * h), h,
        Arrays.copyOfRange(inBias, h, 2 * h));
    float[] values = Matrices.affineRows(lat, latents, h, Matrices.rows(inProj, h, 2 * h, 3 * h), h,
        Arrays.copyOfRange(inBias, 2 * h, 3 * h));
    // keysT[head][c][j] = K[j][head*d + c];  vals[head][j][c] = V[j][head*d + c]
    float[] keysT = new float[latents * h];
    float[] vals = new float[latents * h];
    for (int head = 0; head < heads; head++) {
      for (int j = 0; j < latents; j++) {
        for (int ch = 0; ch < d; ch++) {
          keysT[(head * d + ch) * latents + j] = keys[j * h + head * d + ch];
          vals[(head * latents + j) * d + ch] = values[j * h + head * d + ch];
        }
      }
    }
    Value kT = g.constant("latent_keys_t", TensorData.floats(keysT, DataType.FLOAT, heads, d, latents));
    Value v = g.constant("latent_values", TensorData.floats(vals, DataType.FLOAT, heads, latents, d));

    Value q = affine(hidden, Matrices.scaled(Matrices.rows(inProj, h, 0, h), scale),
        Matrices.scaled(Arrays.copyOfRange(inBias, 0, h), scale), "latent_q");
    Value qh = g.transpose(g.reshape(q, 0, 0, heads, d), 0, 2, 1, 3);
    Value o = g.matMul(g.softmax(g.matMul(qh, kT), -1), v);
    Value a = affine(g.reshape(g.transpose(o, 0, 2, 1, 3), 0, 0, h), read(CheckpointLayout.OUT_PROJ_WEIGHT),
        read(CheckpointLayout.OUT_PROJ_BIAS), "out_proj");
    Value z = g.gelu(affine(a, read(CheckpointLayout.MLP0_WEIGHT), read(CheckpointLayout.MLP0_BIAS), "mlp0"));
    z = affine(z, read(CheckpointLayout.MLP2_WEIGHT), read(CheckpointLayout.MLP2_BIAS), "mlp2");

    // e = sum_t m[t] z[t] / max(sum_t m[t], 1e-9), the sum as a [B,1,T] x [B,T,H] MatMul
    Value m = g.cast(embedMask, DataType.FLOAT);
    Value sum = g.reshape(g.matMul(g.unsqueeze(m, 1), z), 0, h);
    Value count = g.max(g.reduceSum(m, 1), g.scalar(1e-9f, DataType.FLOAT));
    return g.div(sum, count);
  }

  private Value affine(Value x, float[] w, float[] b, String name) {
    int out = b.length;
    Value y = headLinear.apply(g, x, w, out, w.length / out, name);
    return g.add(y, g.constant(name + ".bias", TensorData.floats(b, DataType.FLOAT, out)));
  }

  private Value norm(String name) {
    return g.constant(name, TensorData.floats(read(name), type, c.hiddenSize()));
  }

  private float[] read(String name) {
    float[] v = checkpoint.floats(name);
    progress.accept(v.length);
    return v;
  }
}
