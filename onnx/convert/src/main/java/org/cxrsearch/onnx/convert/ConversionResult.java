package org.cxrsearch.onnx.convert;

import java.nio.file.Path;
import org.cxrsearch.onnx.bundle.BundleManifest;

/**
 * What a conversion produced.
 *
 * @param bundleDir the finished bundle directory
 * @param manifest its manifest (with the SHA-256 of every file)
 * @param parameters number of parameters read from the checkpoint
 * @param millis wall-clock time of the conversion
 */
public record ConversionResult(Path bundleDir, BundleManifest manifest, long parameters, long millis) {}
