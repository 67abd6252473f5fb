package org.cxrsearch.onnx.convert.safetensors;

/**
 * Floating-point element types of a safetensors file that the converter reads, each with its
 * decoding to float32. Safetensors stores little-endian values.
 */
public enum DType {
  /** IEEE 754 binary32. */
  F32(4),
  /** IEEE 754 binary16. */
  F16(2),
  /** bfloat16: the upper 16 bits of a binary32, so decoding is a shift. */
  BF16(2);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** The dtype of a header's {@code dtype} string, or null when the converter cannot read it. */
  public static DType fromHeader(String name) {
    for (DType d : values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }

  /**
   * Decodes {@code count} elements starting at element {@code first} of a tensor whose data begins
   * at byte {@code base} of {@code data} into {@code out[outOffset ..]}.
   */
  public void decode(MappedRegion data, long base, long first, float[] out, int outOffset, int count) {
    long at = base + first * bytes;
    switch (this) {
      case F32 -> {
        for (int i = 0; i < count; i++, at += 4) {
          out[outOffset + i] = data.getFloat(at);
        }
      }
      case F16 -> {
        for (int i = 0; i < count; i++, at += 2) {
          out[outOffset + i] = Float.float16ToFloat(data.getShort(at));
        }
      }
      case BF16 -> {
        for (int i = 0; i < count; i++, at += 2) {
          out[outOffset + i] = Float.intBitsToFloat((data.getShort(at) & 0xFFFF) << 16);
        }
      }
    }
  }
}
