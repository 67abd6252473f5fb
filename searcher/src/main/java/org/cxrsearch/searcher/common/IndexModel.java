package org.cxrsearch.searcher.common;

import org.cxrsearch.lucene.store.IncompatibleIndexException;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.onnx.bundle.ModelLoadException;
import org.cxrsearch.onnx.cli.ModelOptions;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.encode.EncoderInfo;

/**
 * Which model encodes queries for an index: the one that built it. Without {@code --model} the
 * recorded model source is used (the embedded default model is recognised by name too); with it,
 * the given model must have the index's fingerprint, since vectors of different models are not
 * comparable.
 */
public final class IndexModel {

  private IndexModel() {}

  /**
   * Opens the encoder for queries against an index: the model the index records unless the user
   * gave {@code --model} ({@code modelGiven}), in which case it must be the same model.
   *
   * @throws ModelLoadException if the model cannot be opened (naming the recorded model)
   * @throws IncompatibleIndexException if the given model is not the one that built the index
   */
  public static OnnxEncoder open(ModelOptions model, boolean modelGiven, IndexMetadata metadata) {
    if (!modelGiven) {
      model.model(metadata.modelSpec());
    }
    OnnxEncoder encoder;
    try {
      encoder = model.open();
    } catch (ModelLoadException e) {
      if (modelGiven) {
        throw e;
      }
      throw new ModelLoadException("cannot open the model the index records (" + metadata.encoder().name()
          + " from '" + model.model() + "'): " + e.getMessage() + ". Pass --model with that model's bundle directory.", e);
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
              + " Drop --model to use the index's own model.");
    }
  }
}
