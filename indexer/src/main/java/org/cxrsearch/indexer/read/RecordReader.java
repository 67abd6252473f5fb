package org.cxrsearch.indexer.read;

import java.io.Closeable;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A stream of records read lazily from one input: the input is never held in memory whole, only
 * the record being parsed. A bad record is yielded as {@link ReadOutcome.Rejected} and reading goes
 * on; an I/O failure of the input itself ends the stream with an {@link UncheckedIOException}.
 */
public interface RecordReader extends Iterator<ReadOutcome>, Closeable {

  /** Bytes of input consumed so far, for progress and ETA; {@link #totalBytes()} when done. */
  long bytesRead();

  /** Size of the whole input in bytes, or -1 when unknown. */
  long totalBytes();
}
