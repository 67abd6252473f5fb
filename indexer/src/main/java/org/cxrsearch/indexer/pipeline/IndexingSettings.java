package org.cxrsearch.indexer.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * How an indexing run batches, commits and resumes.
 *
 * @param commitEvery commit after this many written documents
 * @param commitInterval commit when this much time has passed since the last commit
 * @param resume skip records whose id is already indexed with the same content hash
 * @param windowSize records handed to the encoder at once; the encoder sorts them by length and
 *     cuts them into token-budgeted batches, so a larger window wastes less padding
 * @param queueDepth windows that may wait between two stages (bounds memory, keeps stages busy)
 */
public record IndexingSettings(int commitEvery, Duration commitInterval, boolean resume, int windowSize, int queueDepth) {

  public static final IndexingSettings DEFAULTS = new IndexingSettings(10_000, Duration.ofSeconds(60), false, 256, 2);

  public IndexingSettings {
    Objects.requireNonNull(commitInterval, "commitInterval");
    if (commitEvery < 1 || windowSize < 1 || queueDepth < 1 || commitInterval.isNegative() || commitInterval.isZero()) {
      // not "+ this": the fields are not assigned yet in a compact constructor
      throw new IllegalArgumentException("commitEvery, windowSize, queueDepth and commitInterval must be positive:"
          + " commitEvery=" + commitEvery + ", commitInterval=" + commitInterval + ", windowSize=" + windowSize
          + ", queueDepth=" + queueDepth);
    }
  }

  public IndexingSettings withCommits(int every, Duration interval) {
    return new IndexingSettings(every, interval, resume, windowSize, queueDepth);
  }

  public IndexingSettings withResume(boolean r) {
    return new IndexingSettings(commitEvery, commitInterval, r, windowSize, queueDepth);
  }

  public IndexingSettings withWindowSize(int w) {
    return new IndexingSettings(commitEvery, commitInterval, resume, w, queueDepth);
  }
}
