package org.cxrsearch.indexer.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts an input into records at the byte level, before any decoding, so that a record with invalid
 * UTF-8 can be rejected alone and an oversized one skipped without being buffered.
 *
 * <p>A record ends at {@code \n} (a preceding {@code \r} is dropped). In quote-aware mode (CSV,
 * RFC 4180) a {@code \n} inside a quoted field does not end the record. A quote opens a quoted
 * field only at the start of a field; inside one, a quote closes it, and a quote right after the
 * closing one is the escaped {@code ""} and reopens it. A quote in the middle of an unquoted field
 * ({@code Nodule 5" in the RUL}) is a literal character: counting it would leave the splitter
 * "inside quotes" and swallow the rest of the input into one record. Working on bytes is safe for UTF-8 because every byte of a
 * multi-byte sequence is {@code >= 0x80}, so {@code "}, {@code \r} and {@code \n} are never part of
 * one. Line numbers count every {@code \n}, quoted or not, so they match what an editor shows.
 */
final class RecordSplitter {

  private final InputStream in;
  private final int maxBytes;
  private final boolean quoteAware;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long consumed;
  private long nextLine = 1;
  private boolean eof;

  RecordSplitter(InputStream in, int maxBytes, boolean quoteAware) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.quoteAware = quoteAware;
  }

  /** Bytes consumed from the input so far. */
  long consumed() {
    return consumed;
  }

  /** The next record, or {@code null} at the end of the input. Empty lines are records too. */
  RawRecord next() throws IOException {
    if (!fill()) {
      return null;
    }
    long line = nextLine;
    byte[] out = new byte[256];
    int len = 0;
    boolean oversized = false;
    boolean inQuotes = false;
    boolean fieldStart = true; // at the first byte of a field
    boolean justClosed = false; // the previous byte closed a quoted field
    while (fill()) {
      byte b = buf[pos++];
      consumed++;
      if (b == '\n') {
        nextLine++;
        if (!inQuotes) {
          return finish(out, len, line, oversized, false);
        }
      }
      if (quoteAware) {
        if (b == '"') {
          if (inQuotes) {
            inQuotes = false;
            justClosed = true;
          } else {
            inQuotes = fieldStart || justClosed; // elsewhere a literal quote
            justClosed = false;
          }
          fieldStart = false;
        } else {
          justClosed = false;
          fieldStart = b == ',' && !inQuotes;
        }
      }
      if (oversized) {
        continue;
      }
      if (len == maxBytes + 1) { // allow one extra byte for a '\r' before the terminator
        oversized = true;
        continue;
      }
      if (len == out.length) {
        out = Arrays.copyOf(out, Math.min(out.length * 2, maxBytes + 1));
      }
      out[len++] = b;
    }
    return finish(out, len, line, oversized, inQuotes);
  }

  private RawRecord finish(byte[] out, int len, long line, boolean oversized, boolean unterminated) {
    if (len > 0 && out[len - 1] == '\r') {
      len--;
    }
    if (len > maxBytes) {
      oversized = true;
    }
    byte[] bytes = oversized ? new byte[0] : Arrays.copyOf(out, len);
    return new RawRecord(bytes, line, oversized, unterminated);
  }

  private boolean fill() throws IOException {
    if (pos < limit) {
      return true;
    }
    if (eof) {
      return false;
    }
    int n = in.read(buf);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
