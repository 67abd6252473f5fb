package org.cxrsearch.server.embeddings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * OpenAI's {@code encoding_format: "base64"}: the vector's float32 values, little-endian, back to
 * back, in standard base64 (what the OpenAI clients decode with {@code numpy.frombuffer(...,
 * dtype="float32")}).
 */
final class Float32Base64 {

  private Float32Base64() {}

  static String encode(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
