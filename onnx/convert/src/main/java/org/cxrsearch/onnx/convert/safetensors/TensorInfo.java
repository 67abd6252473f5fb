package org.cxrsearch.onnx.convert.safetensors;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One tensor's entry in a safetensors header.
 *
 * @param name tensor name
 * @param dtype element type
 * @param shape dimensions, outermost first
 * @param file the file holding the data
 * @param begin first byte of the data, relative to the start of the data section
 * @param end one past the last byte of the data, relative to the start of the data section
 */
public record TensorInfo(String name, DType dtype, long[] shape, Path file, long begin, long end) {

  public TensorInfo {
    shape = shape.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public long elements() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** The shape as {@code [a, b]}. */
  public String shapeString() {
    return Arrays.toString(shape);
  }
}
