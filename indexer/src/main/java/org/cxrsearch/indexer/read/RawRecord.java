package org.cxrsearch.indexer.read;

/**
 * The undecoded bytes of one record, cut from the input by {@link RecordSplitter}.
 *
 * @param bytes the record without its line terminator; empty when {@code oversized}
 * @param line the 1-based line the record starts on
 * @param oversized the record was longer than the limit; its bytes were skipped, not kept
 * @param unterminatedQuote the input ended inside a quoted CSV field
 */
record RawRecord(byte[] bytes, long line, boolean oversized, boolean unterminatedQuote) {}
