package org.cxrsearch.onnx.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a model bundle. Optional: a bundle without one (such as a plain PyTorch
 * export) gets a manifest inferred from its ONNX signature and family defaults.
 *
 * @param format manifest format version, {@value #FORMAT}
 * @param family the model family id ({@link ModelFamily#id()})
 * @param name a human-readable model name
 * @param hiddenSize the embedding dimension
 * @param maxLength maximum tokens per text, special tokens included
 * @param separator the instruction separator (LLM2Vec4CXR family)
 * @param padId the id used to pad batches (null: the family default); it never changes an output
 * @param precision weight precision of the graph (fp32, fp16, int8, ...)
 * @param files file name to lower-case hex SHA-256 of every file of the bundle
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(
    @JsonProperty("format") int format,
    @JsonProperty("family") String family,
    @JsonProperty("name") String name,
    @JsonProperty("hidden_size") int hiddenSize,
    @JsonProperty("max_length") int maxLength,
    @JsonProperty("separator") String separator,
    @JsonProperty("pad_id") Long padId,
    @JsonProperty("precision") String precision,
    @JsonProperty("files") Map<String, String> files) {

  public static final int FORMAT = 1;
  public static final String FILE_NAME = "manifest.json";

  public BundleManifest {
    Objects.requireNonNull(family, "family");
    files = files == null ? Map.of() : Map.copyOf(new TreeMap<>(files));
  }

  public ModelFamily modelFamily() {
    return ModelFamily.fromId(family);
  }

  public BundleManifest withFiles(Map<String, String> newFiles) {
    return new BundleManifest(format, family, name, hiddenSize, maxLength, separator, padId, precision, newFiles);
  }
}
