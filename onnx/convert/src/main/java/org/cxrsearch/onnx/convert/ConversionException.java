package org.cxrsearch.onnx.convert;

/**
 * A checkpoint that cannot be converted (missing, extra or mis-shaped tensors, a truncated file, an
 * unknown dtype, a tokenizer that does not fit the model) or a failure while writing the bundle. The
 * message names the file or tensor and what was found instead. No bundle is left behind.
 */
public class ConversionException extends RuntimeException {

  public ConversionException(String message) {
    super(message);
  }

  public ConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
