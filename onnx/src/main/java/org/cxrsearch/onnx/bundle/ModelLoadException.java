package org.cxrsearch.onnx.bundle;

/** A model bundle that cannot be used: missing files, bad manifest, wrong graph signature. */
public class ModelLoadException extends RuntimeException {

  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
