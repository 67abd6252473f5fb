package org.cxrsearch.lucene.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.bundle.EmbeddedModel;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.InstructionFormat;

/**
 * What produced an index's vectors: the encoder, the instruction documents were embedded with and
 * the vector quantization. Written in every commit's user data (keys {@code cxr.*}) and checked
 * whenever the index is opened for writing, so one index never mixes vectors of two models.
 *
 * @param encoder the model that embedded the documents
 * @param documentInstruction the instruction before the separator when embedding documents; empty
 *     for the usual {@code separator + report} (MODEL.md §4)
 * @param quantization how the HNSW graph stores vectors
 * @param modelSource where the model came from, as a {@code --model} value a searcher can open by
 *     default: {@code default}, the absolute path of a bundle or checkpoint directory, or a Hugging
 *     Face repository id as the indexer was given it ({@code owner/name[@revision]}); empty if
 *     unknown. Informative only: compatibility is decided by the fingerprint.
 */
public record IndexMetadata(EncoderInfo encoder, String documentInstruction, VectorQuantization quantization, String modelSource) {

  /** Bumped when the field layout changes incompatibly. */
  public static final int SCHEMA_VERSION = 1;

  static final String SCHEMA = "cxr.schema.version";
  static final String MODEL_NAME = "cxr.model.name";
  static final String MODEL_FAMILY = "cxr.model.family";
  static final String MODEL_DIMENSIONS = "cxr.model.dimensions";
  static final String MODEL_FINGERPRINT = "cxr.model.fingerprint";
  static final String MODEL_SEPARATOR = "cxr.model.separator";
  static final String DOCUMENT_INSTRUCTION = "cxr.document.instruction";
  static final String QUANTIZATION = "cxr.vectors.quantization";
  static final String MODEL_SOURCE = "cxr.model.source";

  public IndexMetadata {
    Objects.requireNonNull(encoder, "encoder");
    documentInstruction = Objects.requireNonNullElse(documentInstruction, "");
    Objects.requireNonNull(quantization, "quantization");
    modelSource = Objects.requireNonNullElse(modelSource, "");
  }

  /** Metadata without a recorded model source. */
  public IndexMetadata(EncoderInfo encoder, String documentInstruction, VectorQuantization quantization) {
    this(encoder, documentInstruction, quantization, "");
  }

  public int dimensions() {
    return encoder.dimensions();
  }

  /** The {@code cxr.*} commit user data entries. */
  public Map<String, String> toUserData() {
    Map<String, String> m = new HashMap<>();
    m.put(SCHEMA, Integer.toString(SCHEMA_VERSION));
    m.put(MODEL_NAME, encoder.name());
    m.put(MODEL_FAMILY, encoder.family().id());
    m.put(MODEL_DIMENSIONS, Integer.toString(encoder.dimensions()));
    m.put(MODEL_FINGERPRINT, encoder.fingerprint());
    m.put(MODEL_SEPARATOR, encoder.instructionFormat().separator());
    m.put(DOCUMENT_INSTRUCTION, documentInstruction);
    m.put(QUANTIZATION, quantization.name());
    m.put(MODEL_SOURCE, modelSource);
    return m;
  }

  /**
   * Reads the metadata back from commit user data.
   *
   * @param where names the index in error messages
   * @throws IncompatibleIndexException if the entries are missing (not a cxrsearch index) or from
   *     a newer schema
   */
  public static IndexMetadata fromUserData(Map<String, String> userData, String where) {
    String schema = userData.get(SCHEMA);
    if (schema == null) {
      throw new IncompatibleIndexException(
          where + " is a Lucene index but not a cxrsearch one (its commit has no " + SCHEMA + "; keys: " + userData.keySet() + ")");
    }
    if (Integer.parseInt(schema) != SCHEMA_VERSION) {
      throw new IncompatibleIndexException(
          where + " has schema version " + schema + "; this build reads version " + SCHEMA_VERSION);
    }
    EncoderInfo encoder =
        new EncoderInfo(
            require(userData, MODEL_NAME, where),
            ModelFamily.fromId(require(userData, MODEL_FAMILY, where)),
            Integer.parseInt(require(userData, MODEL_DIMENSIONS, where)),
            require(userData, MODEL_FINGERPRINT, where),
            new InstructionFormat(require(userData, MODEL_SEPARATOR, where)));
    return new IndexMetadata(
        encoder,
        require(userData, DOCUMENT_INSTRUCTION, where),
        VectorQuantization.valueOf(require(userData, QUANTIZATION, where)),
        userData.getOrDefault(MODEL_SOURCE, ""));
  }

  /**
   * Fails unless {@code requested} would write vectors comparable with this index's: same model
   * fingerprint and dimension, same document instruction, same quantization.
   *
   * @throws IncompatibleIndexException listing every difference
   */
  public void requireCompatible(IndexMetadata requested, String where) {
    List<String> differing = new ArrayList<>();
    StringBuilder diffs = new StringBuilder();
    diff(differing, diffs, "model fingerprint", encoder.fingerprint(), requested.encoder.fingerprint());
    diff(differing, diffs, "dimensions", encoder.dimensions(), requested.encoder.dimensions());
    diff(differing, diffs, "separator", encoder.instructionFormat().separator(), requested.encoder.instructionFormat().separator());
    boolean sameModel = differing.isEmpty();
    diff(differing, diffs, "document instruction", documentInstruction, requested.documentInstruction);
    diff(differing, diffs, "quantization", quantization, requested.quantization);
    if (!differing.isEmpty()) {
      String requestedModel = sameModel ? "" : " of model '" + requested.encoder.name() + "'";
      throw new IncompatibleIndexException(
          where + " was built with model '" + encoder.name() + "' (" + encoder.family().id() + ", " + encoder.dimensions()
              + "-d), quantization " + quantization.name().toLowerCase(Locale.ROOT) + ", document instruction '"
              + documentInstruction + "'; refusing to add vectors" + requestedModel + " that differ in "
              + String.join(", ", differing) + ":" + diffs + (sameModel
                  ? ". Use the index's own settings, or a new index directory."
                  : ". Use a new index directory, or re-index everything with one model."));
    }
  }

  private static void diff(List<String> names, StringBuilder out, String what, Object indexed, Object requested) {
    if (!indexed.equals(requested)) {
      names.add(what);
      out.append("\n  ").append(what).append(": index has '").append(indexed).append("', requested '").append(requested).append('\'');
    }
  }

  private static String require(Map<String, String> userData, String key, String where) {
    String v = userData.get(key);
    if (v == null) {
      throw new IncompatibleIndexException(where + ": commit user data lacks " + key + " (damaged metadata?)");
    }
    return v;
  }

  /**
   * The {@code --model} spec that opens the model recorded here: the recorded source, or
   * {@code default} for an index of the embedded model that predates recorded sources.
   *
   * @throws IncompatibleIndexException if the index does not say where its model is
   */
  public String modelSpec() {
    if (!modelSource.isBlank()) {
      return modelSource;
    }
    if (encoder.family() == ModelFamily.SENTENCE_TRANSFORMER && encoder.name().equals(EmbeddedModel.DEFAULT_NAME)) {
      return EmbeddedModel.SPEC;
    }
    throw new IncompatibleIndexException("the index was built with model '" + encoder.name() + "' (fingerprint "
        + encoder.fingerprint() + ") but does not record where it is; pass --model with that bundle directory");
  }
}
