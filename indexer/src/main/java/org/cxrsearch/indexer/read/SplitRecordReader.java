package org.cxrsearch.indexer.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * The common template of line-oriented readers (JSON lines, CSV): cut the input into raw records
 * with {@link RecordSplitter}, reject oversized records and invalid UTF-8 there, and hand each
 * decoded record to {@link #parse}.
 */
abstract sealed class SplitRecordReader implements RecordReader permits JsonLinesReader, CsvRecordReader {

  protected final String file;
  private final InputStream in;
  private final RecordSplitter splitter;
  private final long totalBytes;
  private final ReadLimits limits;
  private ReadOutcome next;

  SplitRecordReader(Path path, ReadLimits limits, boolean quoteAware) throws IOException {
    this.file = path.toString();
    this.in = Files.newInputStream(path);
    this.totalBytes = Files.size(path);
    this.limits = limits;
    this.splitter = new RecordSplitter(in, limits.maxRecordBytes(), quoteAware);
  }

  /**
   * Parses one decoded record.
   *
   * @return the outcome, or {@code null} when the record is not data (a blank line, a header)
   */
  protected abstract ReadOutcome parse(String record, long line);

  @Override
  public final boolean hasNext() {
    try {
      while (next == null) {
        RawRecord raw = splitter.next();
        if (raw == null) {
          return false;
        }
        next = decodeAndParse(raw);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public final ReadOutcome next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ReadOutcome out = next;
    next = null;
    return out;
  }

  private ReadOutcome decodeAndParse(RawRecord raw) {
    if (raw.oversized()) {
      return reject(raw.line(), "oversized record: longer than " + limits.maxRecordBytes() + " bytes");
    }
    if (raw.unterminatedQuote()) {
      return reject(raw.line(), "malformed CSV: a quoted field is not closed before the end of the input");
    }
    String text;
    try {
      text = Utf8.decode(raw.bytes());
    } catch (Utf8.InvalidUtf8Exception e) {
      return reject(raw.line(), e.getMessage());
    }
    return parse(text, raw.line());
  }

  /**
   * Reads the next non-empty record as text, outside the outcome stream: for a header row, where a
   * bad record is a fatal error rather than a rejected record.
   *
   * @throws IllegalArgumentException when there is none, or it is oversized or not UTF-8
   */
  protected final String readHeaderRecord() throws IOException {
    RawRecord raw;
    do {
      raw = splitter.next();
      if (raw == null) {
        throw new IllegalArgumentException(file + ": the input is empty, expected a header row");
      }
    } while (raw.bytes().length == 0 && !raw.oversized());
    if (raw.oversized() || raw.unterminatedQuote()) {
      throw new IllegalArgumentException(file + ": the header row is oversized or has an unclosed quote");
    }
    try {
      return Utf8.decode(raw.bytes());
    } catch (Utf8.InvalidUtf8Exception e) {
      throw new IllegalArgumentException(file + ": header row: " + e.getMessage(), e);
    }
  }

  protected final ReadOutcome reject(long line, String reason) {
    return new ReadOutcome.Rejected(new RecordError(file, line, null, reason));
  }

  @Override
  public long bytesRead() {
    return splitter.consumed();
  }

  @Override
  public long totalBytes() {
    return totalBytes;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
