package org.cxrsearch.onnx.encode;

import java.util.Objects;
import org.cxrsearch.onnx.bundle.ModelFamily;

/**
 * Identity of an encoder, recorded in every index it writes so that vectors of different models
 * are never mixed.
 *
 * @param name human-readable model name (a bundle directory name or a hub id)
 * @param family the architecture family, which fixes pooling and input conventions
 * @param dimensions length of the vectors
 * @param fingerprint stable hash of the model and tokenizer files and the length cap: equal
 *     fingerprints, equal vectors
 * @param instructionFormat how instructions are attached to texts
 */
public record EncoderInfo(
    String name,
    ModelFamily family,
    int dimensions,
    String fingerprint,
    InstructionFormat instructionFormat) {

  public EncoderInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(instructionFormat, "instructionFormat");
    if (dimensions <= 0) {
      throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
    }
  }
}
