package org.cxrsearch.onnx.bundle;

import java.nio.file.Path;
import org.cxrsearch.onnx.convert.CheckpointConverter;
import org.cxrsearch.onnx.convert.ConvertOptions;
import org.cxrsearch.onnx.convert.ProgressListener;

/**
 * Turns a Hugging Face checkpoint directory into a bundle directory that must not exist yet and
 * appears only when complete. {@link ModelResolver} uses it to convert on first use.
 */
@FunctionalInterface
public interface CheckpointConversion {

  void convert(Path checkpointDir, Path bundleDir, ConvertOptions options);

  /** The project's converter ({@link CheckpointConverter}), reporting its steps to {@code progress}. */
  static CheckpointConversion standard(ProgressListener progress) {
    CheckpointConverter converter = new CheckpointConverter();
    return (checkpoint, bundle, options) -> converter.convert(checkpoint, bundle, options, progress);
  }
}
