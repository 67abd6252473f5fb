package org.cxrsearch.onnx.convert;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Converts a Hugging Face LLM2Vec4CXR checkpoint ({@code config.json}, safetensors, {@code
 * tokenizer.json}) into a cxrsearch model bundle ({@code model.onnx} + external weight data,
 * {@code tokenizer.json}, {@code manifest.json}). The bundle appears atomically: it is written to a
 * temporary directory beside the target and renamed into place only when complete.
 */
public final class CheckpointConverter {

  /**
   * Converts {@code hfDir} into {@code bundleDir}, which must not exist yet.
   *
   * @throws ConversionException when the checkpoint is invalid or the bundle cannot be written; no
   *     partial bundle is left at {@code bundleDir}
   */
  public ConversionResult convert(Path hfDir, Path bundleDir, ConvertOptions options, ProgressListener progress) {
    Objects.requireNonNull(hfDir, "hfDir");
    Objects.requireNonNull(bundleDir, "bundleDir");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    throw new UnsupportedOperationException("work in progress on branch convert");
  }
}
