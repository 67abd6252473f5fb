package org.cxrsearch.indexer.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: malformed input is an error that says where, never a silent U+FFFD. */
final class Utf8 {

  private Utf8() {}

  /** Thrown for bytes that are not UTF-8; the message names the byte offset within the record. */
  static final class InvalidUtf8Exception extends Exception {
    InvalidUtf8Exception(String message) {
      super(message);
    }
  }

  static String decode(byte[] bytes) throws InvalidUtf8Exception {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new InvalidUtf8Exception(
          "invalid UTF-8 at byte " + in.position() + " of the record (0x"
              + String.format("%02X", bytes[in.position()] & 0xFF) + ")");
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw new InvalidUtf8Exception("invalid UTF-8 at the end of the record");
    }
    return out.flip().toString();
  }
}
