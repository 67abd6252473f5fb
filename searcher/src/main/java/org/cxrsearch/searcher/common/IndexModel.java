package org.cxrsearch.searcher.common;

import java.util.function.Function;
import org.cxrsearch.lucene.store.IncompatibleIndexException;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.onnx.bundle.ModelLoadException;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.encode.EncoderInfo;

/**
 * Which model encodes queries for an index: the one that built it. Without a model of its own the
 * recorded model source is used (the embedded default model is recognised by name too); with it,
 * the given model must have the index's fingerprint, since vectors of different models are not
 * comparable.
 */
public final class IndexModel {

  private IndexModel() {}

  /**
   * Opens the encoder for queries against an index: the model the index records ({@link
   * IndexMetadata#modelSpec()}) unless {@code modelSpec} names one, in which case it must be the same
   * model.
   *
   * @param opener opens an encoder from a model spec (a bundle directory, a repository id, ...)
   * @param modelSpec the model the caller asked for, or {@code null} for the index's own
   * @throws ModelLoadException if the model cannot be opened (naming the recorded model)
   * @throws IncompatibleIndexException if the given model is not the one that built the index
   */
  public static OnnxEncoder open(Function<String, OnnxEncoder> opener, String modelSpec, IndexMetadata metadata) {
    boolean modelGiven = modelSpec != null;
    String spec = modelGiven ? modelSpec : metadata.modelSpec();
    OnnxEncoder encoder;
    try {
      encoder = opener.apply(spec);
    } catch (ModelLoadException e) {
      if (modelGiven) {
        throw e;
      }
      throw new ModelLoadException("cannot open the model the index records (" + metadata.encoder().name()
          + " from '" + spec + "'): " + e.getMessage() + ". Give that model's bundle directory as the model.", e);
    }
    try {
      requireSameModel(metadata, encoder.info());
      return encoder;
    } catch (RuntimeException e) {
      encoder.close();
      throw e;
    }
  }

  /** @throws IncompatibleIndexException if {@code query} is not the model that built the index */
  public static void requireSameModel(IndexMetadata metadata, EncoderInfo query) {
    EncoderInfo built = metadata.encoder();
    if (!built.fingerprint().equals(query.fingerprint()) || built.dimensions() != query.dimensions()) {
      throw new IncompatibleIndexException(
          "the index was built with model '" + built.name() + "' (" + built.dimensions() + "-d, fingerprint "
              + built.fingerprint() + ") but queries would be encoded with '" + query.name() + "' ("
              + query.dimensions() + "-d, fingerprint " + query.fingerprint() + "); their vectors are not comparable."
              + " Leave the model unset to use the index's own model.");
    }
  }
}
