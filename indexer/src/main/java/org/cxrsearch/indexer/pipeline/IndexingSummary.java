package org.cxrsearch.indexer.pipeline;

import java.time.Duration;

/**
 * Counts of an indexing run, at the end or so far.
 *
 * @param read records read, good or bad
 * @param indexed records written (new ids, and replacements of existing ids)
 * @param skipped records left out because their id is already indexed with the same content
 *     ({@code --resume})
 * @param failed bad records, written to the errors file
 * @param commits commits made
 * @param elapsed time since the run started
 */
public record IndexingSummary(long read, long indexed, long skipped, long failed, long commits, Duration elapsed) {

  /** Indexed documents per second. */
  public double docsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s > 0 ? indexed / s : 0;
  }

  /** One line for a log or the end of a run. */
  public String describe() {
    return String.format(
        "read %,d records: indexed %,d, skipped %,d (already indexed), failed %,d; %,d commits; %.1f s, %.1f docs/s",
        read, indexed, skipped, failed, commits, elapsed.toNanos() / 1e9, docsPerSecond());
  }
}
