package org.cxrsearch.onnx.convert.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cxrsearch.onnx.convert.ConversionException;

/**
 * The fields of a Llama {@code config.json} that fix the encoder's shapes and numerics (see
 * MODEL.md §1).
 *
 * @param vocabSize rows of the embedding table
 * @param hiddenSize model width H
 * @param layers decoder layers
 * @param heads query heads
 * @param kvHeads key/value heads (grouped-query attention: query head j reads kv head j / (heads /
 *     kvHeads))
 * @param headDim channels per head
 * @param intermediateSize SwiGLU width
 * @param rmsNormEps epsilon of every RMS norm
 * @param ropeTheta RoPE base
 * @param ropeScaling llama3 scaling, if configured
 */
public record LlamaConfig(
    int vocabSize,
    int hiddenSize,
    int layers,
    int heads,
    int kvHeads,
    int headDim,
    int intermediateSize,
    double rmsNormEps,
    double ropeTheta,
    Optional<RopeScaling> ropeScaling) {

  public static final String FILE_NAME = "config.json";

  public LlamaConfig {
    if (heads % kvHeads != 0) {
      throw new ConversionException(FILE_NAME + ": num_attention_heads " + heads
          + " is not a multiple of num_key_value_heads " + kvHeads);
    }
    if (headDim % 2 != 0) {
      throw new ConversionException(FILE_NAME + ": head_dim " + headDim + " must be even for rotary embeddings");
    }
  }

  /** Query heads per key/value head. */
  public int groupSize() {
    return heads / kvHeads;
  }

  /** Reads {@code dir/config.json}. */
  public static LlamaConfig read(Path dir, ObjectMapper json) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new ConversionException(dir + " has no " + FILE_NAME);
    }
    JsonNode c;
    try {
      c = json.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConversionException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Fields f = new Fields(file, c);
    String act = c.path("hidden_act").asText("silu");
    if (!act.equals("silu")) {
      throw new ConversionException(file + ": hidden_act is '" + act + "'; LLM2Vec4CXR's Llama uses silu");
    }
    for (String bias : new String[] {"attention_bias", "mlp_bias"}) {
      if (c.path(bias).asBoolean(false)) {
        throw new ConversionException(file + ": " + bias + " is true; the backbone has no biases (MODEL.md §1)");
      }
    }
    int hidden = f.integer("hidden_size");
    int heads = f.integer("num_attention_heads");
    int headDim = c.hasNonNull("head_dim") ? f.integer("head_dim") : hidden / heads;
    return new LlamaConfig(
        f.integer("vocab_size"),
        hidden,
        f.integer("num_hidden_layers"),
        heads,
        c.hasNonNull("num_key_value_heads") ? f.integer("num_key_value_heads") : heads,
        headDim,
        f.integer("intermediate_size"),
        f.number("rms_norm_eps"),
        c.hasNonNull("rope_theta") ? f.number("rope_theta") : 10000.0,
        ropeScaling(file, c.path("rope_scaling")));
  }

  private static Optional<RopeScaling> ropeScaling(Path file, JsonNode s) {
    if (s.isMissingNode() || s.isNull()) {
      return Optional.empty();
    }
    String type = s.path("rope_type").asText(s.path("type").asText(""));
    if (type.equals("default")) {
      return Optional.empty();
    }
    if (!type.equals("llama3")) {
      throw new ConversionException(file + ": rope_scaling type '" + type + "' is not supported (llama3 or default)");
    }
    Fields f = new Fields(file, s);
    return Optional.of(new RopeScaling(f.number("factor"), f.number("low_freq_factor"), f.number("high_freq_factor"),
        f.number("original_max_position_embeddings")));
  }

  /** Required, positive numeric fields with errors naming the file and field. */
  private record Fields(Path file, JsonNode node) {
    int integer(String name) {
      JsonNode v = node.path(name);
      if (!v.canConvertToInt() || v.asInt() <= 0 || v.isFloatingPointNumber() && v.asDouble() != v.asInt()) {
        throw new ConversionException(file + ": field '" + name + "' must be a positive integer, found "
            + (v.isMissingNode() ? "nothing" : v.toString()));
      }
      return v.asInt();
    }

    double number(String name) {
      JsonNode v = node.path(name);
      if (!v.isNumber() || v.asDouble() <= 0) {
        throw new ConversionException(file + ": field '" + name + "' must be a positive number, found "
            + (v.isMissingNode() ? "nothing" : v.toString()));
      }
      return v.asDouble();
    }
  }
}
