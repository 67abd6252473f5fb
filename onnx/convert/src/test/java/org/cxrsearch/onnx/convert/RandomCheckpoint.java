package org.cxrsearch.onnx.convert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes random-weight LLM2Vec4CXR checkpoints in the Hugging Face layout (config.json,
 * safetensors, tokenizer.json), deterministically from a seed ({@link Random#nextGaussian} is
 * specified bit-exactly), so tests can regenerate the checkpoint whose reference vectors were
 * computed once with the PyTorch reference. Also the source of deliberately broken checkpoints.
 */
final class RandomCheckpoint {

  /** Sizes of a checkpoint; the vocabulary is Llama 3's so the real tokenizer fits. */
  record Spec(int vocab, int hidden, int layers, int heads, int kvHeads, int headDim, int inter, int latents) {}

  static final Spec SMALL = new Spec(128256, 32, 2, 4, 2, 8, 64, 16);
  static final Spec MEDIUM = new Spec(128256, 256, 4, 8, 2, 32, 512, 64);

  /** A tensor: row-major values and shape. */
  record Tensor(float[] values, long[] shape) {}

  static final Path TOKENIZER = GoldensConversionTest.TINY.resolve("hf/tokenizer.json");

  private RandomCheckpoint() {}

  /** The tensors of MODEL.md §1 with the reference tool's initialisation scheme. */
  static Map<String, Tensor> tensors(Spec s, long seed) {
    Random r = new Random(seed);
    int h = s.hidden();
    int q = s.heads() * s.headDim();
    int kv = s.kvHeads() * s.headDim();
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("model.embed_tokens.weight", gauss(r, 3.0 / Math.sqrt(h), 0, s.vocab(), h));
    for (int l = 0; l < s.layers(); l++) {
      String p = "model.layers." + l + ".";
      t.put(p + "input_layernorm.weight", gauss(r, 0.2, 1, h));
      t.put(p + "self_attn.q_proj.weight", linear(r, q, h));
      t.put(p + "self_attn.k_proj.weight", linear(r, kv, h));
      t.put(p + "self_attn.v_proj.weight", linear(r, kv, h));
      t.put(p + "self_attn.o_proj.weight", linear(r, h, q));
      t.put(p + "post_attention_layernorm.weight", gauss(r, 0.2, 1, h));
      t.put(p + "mlp.gate_proj.weight", linear(r, s.inter(), h));
      t.put(p + "mlp.up_proj.weight", linear(r, s.inter(), h));
      t.put(p + "mlp.down_proj.weight", linear(r, h, s.inter()));
    }
    t.put("model.norm.weight", gauss(r, 0.2, 1, h));
    t.put("latent_attn.latents", gauss(r, 1, 0, s.latents(), h));
    t.put("latent_attn.multihead_attn.in_proj_weight", linear(r, 3 * h, h));
    t.put("latent_attn.multihead_attn.in_proj_bias", gauss(r, 0.3, 0, 3 * h));
    t.put("latent_attn.multihead_attn.out_proj.weight", linear(r, h, h));
    t.put("latent_attn.multihead_attn.out_proj.bias", gauss(r, 0.3, 0, h));
    for (int i : new int[] {0, 2}) {
      t.put("latent_attn.mlp." + i + ".weight", linear(r, h, h));
      t.put("latent_attn.mlp." + i + ".bias", gauss(r, 0.3, 0, h));
    }
    return t;
  }

  private static Tensor linear(Random r, int out, int in) {
    return gauss(r, 1 / Math.sqrt(in), 0, out, in);
  }

  private static Tensor gauss(Random r, double std, double mean, long... shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] v = new float[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (mean + std * r.nextGaussian());
    }
    return new Tensor(v, shape);
  }

  /** Writes config.json, model.safetensors (dtype "BF16", "F16" or "F32") and tokenizer.json. */
  static Path write(Path dir, Spec s, long seed, String dtype) throws IOException {
    return write(dir, s, tensors(s, seed), dtype);
  }

  static Path write(Path dir, Spec s, Map<String, Tensor> tensors, String dtype) throws IOException {
    Files.createDirectories(dir);
    writeConfig(dir, s);
    writeSafetensors(dir.resolve("model.safetensors"), tensors, dtype);
    Files.copy(TOKENIZER, dir.resolve("tokenizer.json"));
    return dir;
  }

  static void writeConfig(Path dir, Spec s) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode c = (ObjectNode) json.readTree(GoldensConversionTest.TINY.resolve("hf/config.json").toFile());
    c.put("vocab_size", s.vocab()).put("hidden_size", s.hidden()).put("num_hidden_layers", s.layers())
        .put("num_attention_heads", s.heads()).put("num_key_value_heads", s.kvHeads()).put("head_dim", s.headDim())
        .put("intermediate_size", s.inter());
    json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("config.json").toFile(), c);
  }

  /** Writes a safetensors file; {@code dtype} goes into the header verbatim (tests use unknown ones). */
  static void writeSafetensors(Path file, Map<String, Tensor> tensors, String dtype) throws IOException {
    int width = dtype.equals("F32") ? 4 : 2;
    StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      long bytes = (long) e.getValue().values().length * width;
      header.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"").append(dtype).append("\",\"shape\":")
          .append(shape(e.getValue().shape())).append(",\"data_offsets\":[").append(offset).append(',')
          .append(offset + bytes).append("]}");
      offset += bytes;
    }
    header.append('}');
    while ((header.length() + 8) % 8 != 0) {
      header.append(' ');
    }
    byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
      out.write(h);
      for (Tensor t : tensors.values()) {
        ByteBuffer buf = ByteBuffer.allocate(t.values().length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : t.values()) {
          switch (width) {
            case 4 -> buf.putFloat(v);
            default -> buf.putShort(dtype.equals("F16") ? Float.floatToFloat16(v) : bf16(v));
          }
        }
        out.write(buf.array());
      }
    }
  }

  /** Round-to-nearest-even bfloat16, as the reference tool writes. */
  static short bf16(float v) {
    int u = Float.floatToRawIntBits(v);
    return (short) ((u + 0x7FFF + ((u >>> 16) & 1)) >>> 16);
  }

  private static String shape(long[] s) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < s.length; i++) {
      b.append(i == 0 ? "" : ",").append(s[i]);
    }
    return b.append(']').toString();
  }

  /** Splits tensors over two shards with a model.safetensors.index.json, as large checkpoints are. */
  static void writeSharded(Path dir, Map<String, Tensor> tensors, String dtype) throws IOException {
    Map<String, Tensor> first = new LinkedHashMap<>();
    Map<String, Tensor> second = new LinkedHashMap<>();
    List<String> names = List.copyOf(tensors.keySet());
    for (int i = 0; i < names.size(); i++) {
      (i < names.size() / 2 ? first : second).put(names.get(i), tensors.get(names.get(i)));
    }
    String a = "model-00001-of-00002.safetensors";
    String b = "model-00002-of-00002.safetensors";
    writeSafetensors(dir.resolve(a), first, dtype);
    writeSafetensors(dir.resolve(b), second, dtype);
    ObjectMapper json = new ObjectMapper();
    ObjectNode map = json.createObjectNode();
    first.keySet().forEach(n -> map.put(n, a));
    second.keySet().forEach(n -> map.put(n, b));
    ObjectNode index = json.createObjectNode();
    index.putObject("metadata");
    index.set("weight_map", map);
    json.writeValue(dir.resolve("model.safetensors.index.json").toFile(), index);
  }

  /**
   * Writes the MEDIUM checkpoint and the test inputs, for computing reference vectors with {@code
   * llm2vec_ref.py embed} (dev only): {@code RandomCheckpoint OUT_DIR}.
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    write(dir.resolve("hf"), MEDIUM, MediumCheckpointTest.SEED, "BF16");
    new ObjectMapper().writeValue(dir.resolve("inputs.json").toFile(), MediumCheckpointTest.inputs());
  }
}
