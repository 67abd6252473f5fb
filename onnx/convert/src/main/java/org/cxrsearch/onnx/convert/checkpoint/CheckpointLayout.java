package org.cxrsearch.onnx.convert.checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensor names and shapes of an LLM2Vec4CXR checkpoint (MODEL.md §1) for a given config: a
 * bidirectional Llama backbone ({@code model.*}) and the latent-attention pooling head ({@code
 * latent_attn.*}). Linear weights are {@code [out, in]} ({@code y = x W^T}).
 *
 * @param config the backbone's config
 * @param latents number of learned latents L (not in config.json; read from the checkpoint)
 */
public record CheckpointLayout(LlamaConfig config, int latents) {

  public static final String EMBED = "model.embed_tokens.weight";
  public static final String FINAL_NORM = "model.norm.weight";
  public static final String LATENTS = "latent_attn.latents";
  public static final String IN_PROJ_WEIGHT = "latent_attn.multihead_attn.in_proj_weight";
  public static final String IN_PROJ_BIAS = "latent_attn.multihead_attn.in_proj_bias";
  public static final String OUT_PROJ_WEIGHT = "latent_attn.multihead_attn.out_proj.weight";
  public static final String OUT_PROJ_BIAS = "latent_attn.multihead_attn.out_proj.bias";
  public static final String MLP0_WEIGHT = "latent_attn.mlp.0.weight";
  public static final String MLP0_BIAS = "latent_attn.mlp.0.bias";
  public static final String MLP2_WEIGHT = "latent_attn.mlp.2.weight";
  public static final String MLP2_BIAS = "latent_attn.mlp.2.bias";

  /** The per-layer tensors, by their name after {@code model.layers.{l}.}. */
  public enum LayerTensor {
    INPUT_NORM("input_layernorm.weight"),
    Q("self_attn.q_proj.weight"),
    K("self_attn.k_proj.weight"),
    V("self_attn.v_proj.weight"),
    O("self_attn.o_proj.weight"),
    POST_NORM("post_attention_layernorm.weight"),
    GATE("mlp.gate_proj.weight"),
    UP("mlp.up_proj.weight"),
    DOWN("mlp.down_proj.weight");

    private final String suffix;

    LayerTensor(String suffix) {
      this.suffix = suffix;
    }

    public String name(int layer) {
      return "model.layers." + layer + "." + suffix;
    }
  }

  /** Every tensor the checkpoint must hold, in a stable order, with its shape. */
  public Map<String, long[]> expected() {
    LlamaConfig c = config;
    long h = c.hiddenSize();
    long q = (long) c.heads() * c.headDim();
    long kv = (long) c.kvHeads() * c.headDim();
    long inter = c.intermediateSize();
    Map<String, long[]> m = new LinkedHashMap<>();
    m.put(EMBED, new long[] {c.vocabSize(), h});
    for (int l = 0; l < c.layers(); l++) {
      m.put(LayerTensor.INPUT_NORM.name(l), new long[] {h});
      m.put(LayerTensor.Q.name(l), new long[] {q, h});
      m.put(LayerTensor.K.name(l), new long[] {kv, h});
      m.put(LayerTensor.V.name(l), new long[] {kv, h});
      m.put(LayerTensor.O.name(l), new long[] {h, q});
      m.put(LayerTensor.POST_NORM.name(l), new long[] {h});
      m.put(LayerTensor.GATE.name(l), new long[] {inter, h});
      m.put(LayerTensor.UP.name(l), new long[] {inter, h});
      m.put(LayerTensor.DOWN.name(l), new long[] {h, inter});
    }
    m.put(FINAL_NORM, new long[] {h});
    m.put(LATENTS, new long[] {latents, h});
    m.put(IN_PROJ_WEIGHT, new long[] {3 * h, h});
    m.put(IN_PROJ_BIAS, new long[] {3 * h});
    m.put(OUT_PROJ_WEIGHT, new long[] {h, h});
    m.put(OUT_PROJ_BIAS, new long[] {h});
    m.put(MLP0_WEIGHT, new long[] {h, h});
    m.put(MLP0_BIAS, new long[] {h});
    m.put(MLP2_WEIGHT, new long[] {h, h});
    m.put(MLP2_BIAS, new long[] {h});
    return m;
  }
}
