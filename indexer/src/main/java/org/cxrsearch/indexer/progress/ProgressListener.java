package org.cxrsearch.indexer.progress;

import org.cxrsearch.indexer.pipeline.IndexingSummary;

/** Receives an indexing run's counts as it goes; called from the writing thread only. */
public interface ProgressListener extends AutoCloseable {

  /** Nothing shown: for library use and tests. */
  ProgressListener NONE = new ProgressListener() {
    @Override
    public void update(IndexingSummary soFar, long bytesRead, long totalBytes) {}

    @Override
    public void close() {}
  };

  /**
   * The counts so far.
   *
   * @param bytesRead input consumed, to estimate the number of records still to come
   * @param totalBytes input size, or -1 when unknown
   */
  void update(IndexingSummary soFar, long bytesRead, long totalBytes);

  /** Ends the display (the bar); the summary itself is printed by the caller. Idempotent. */
  @Override
  void close();
}
