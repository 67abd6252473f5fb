package org.cxrsearch.onnx.convert.safetensors;

/** A safetensors file that cannot be read; the message names the file and, where known, the tensor. */
public class SafetensorsException extends RuntimeException {

  public SafetensorsException(String message) {
    super(message);
  }

  public SafetensorsException(String message, Throwable cause) {
    super(message, cause);
  }
}
