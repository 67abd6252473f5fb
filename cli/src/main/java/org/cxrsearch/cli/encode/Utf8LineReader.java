package org.cxrsearch.cli.encode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of strict UTF-8, one at a time, so that an invalid byte sequence is reported on the
 * line that holds it. (A {@code BufferedReader} over a decoder fails while filling its buffer,
 * possibly many lines before the bad one.) Lines end at {@code \n}; a trailing {@code \r} is
 * dropped.
 */
public final class Utf8LineReader implements AutoCloseable {

  /** A line that is not valid UTF-8. */
  public static final class MalformedLineException extends IOException {
    private final long line;

    MalformedLineException(long line, String message) {
      super(message);
      this.line = line;
    }

    public long line() {
      return line;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long lineNumber;

  public Utf8LineReader(InputStream in) {
    this.in = in;
  }

  /** Number of the line last returned (1-based). */
  public long lineNumber() {
    return lineNumber;
  }

  /** The next line, or null at the end of the input. */
  public String readLine() throws IOException {
    line.reset();
    boolean any = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buf);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      line.write(buf, start, pos - start);
      if (pos < limit) {
        pos++; // the '\n'
        break;
      }
    }
    lineNumber++;
    byte[] bytes = line.toByteArray();
    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, 0, len)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedLineException(lineNumber, "not valid UTF-8");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
