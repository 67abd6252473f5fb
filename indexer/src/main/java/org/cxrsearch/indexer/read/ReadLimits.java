package org.cxrsearch.indexer.read;

/**
 * Limits that protect the indexer from runaway input.
 *
 * @param maxRecordBytes a record (JSON line, CSV row, .txt file) longer than this many bytes is
 *     rejected as oversized without being decoded; the reader skips to the next record
 */
public record ReadLimits(int maxRecordBytes) {

  /** 1 MiB: radiology reports are a few kilobytes; anything near this is not a report. */
  public static final ReadLimits DEFAULTS = new ReadLimits(1 << 20);

  public ReadLimits {
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
    }
  }
}
