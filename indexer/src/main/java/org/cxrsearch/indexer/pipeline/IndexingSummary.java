package org.cxrsearch.indexer.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
 * @param duplicates accepted records whose id an earlier record of the same run already had (each is
 *     written, so the last record of an id wins)
 * @param firstDuplicates the first {@value #DUPLICATES_NAMED} distinct repeated ids, in input order
 */
public record IndexingSummary(long read, long indexed, long skipped, long failed, long commits, Duration elapsed,
    long duplicates, List<String> firstDuplicates) {

  /** How many repeated ids a summary names. */
  public static final int DUPLICATES_NAMED = 5;

  public IndexingSummary {
    Objects.requireNonNull(elapsed, "elapsed");
    firstDuplicates = List.copyOf(firstDuplicates);
  }

  /** A summary of a run without repeated ids. */
  public IndexingSummary(long read, long indexed, long skipped, long failed, long commits, Duration elapsed) {
    this(read, indexed, skipped, failed, commits, elapsed, 0, List.of());
  }

  /** Indexed documents per second. */
  public double docsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s > 0 ? indexed / s : 0;
  }

  /** One line for a log or the end of a run. */
  public String describe() {
    String line = String.format(
        "read %,d records: indexed %,d, skipped %,d (already indexed), failed %,d; %,d commits; %.1f s, %.1f docs/s",
        read, indexed, skipped, failed, commits, elapsed.toNanos() / 1e9, docsPerSecond());
    if (duplicates == 0) {
      return line;
    }
    return line + String.format("; %,d record%s repeat an id read earlier in this input (the last one wins): %s%s",
        duplicates, duplicates == 1 ? "" : "s", String.join(", ", firstDuplicates),
        firstDuplicates.size() == DUPLICATES_NAMED ? ", ..." : "");
  }
}
