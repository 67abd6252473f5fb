package org.cxrsearch.server.http;

import java.time.Duration;

/**
 * The bounds that keep one client from exhausting the server. Defaults follow Elasticsearch where
 * it has one ({@code http.max_content_length} 100 MB, {@code index.max_result_window} 10,000,
 * {@code num_candidates} at most 10,000).
 *
 * @param maxBodyBytes largest request body; larger ones get 413
 * @param maxBulkLines most NDJSON lines in one bulk request
 * @param maxResultWindow most {@code from + size} of a search (and most {@code k})
 * @param maxNumCandidates most {@code num_candidates} of a knn search
 * @param searchTimeout longest a search may run; then 504 (Elasticsearch's gateway timeout)
 * @param maxConcurrent requests served at once; the next ones wait in a queue
 * @param maxQueued requests that may wait for a slot; beyond, 429
 * @param queueWait longest a request waits for a slot before 429
 */
public record Limits(
    long maxBodyBytes,
    int maxBulkLines,
    int maxResultWindow,
    int maxNumCandidates,
    Duration searchTimeout,
    int maxConcurrent,
    int maxQueued,
    Duration queueWait) {

  public static final Limits DEFAULTS =
      new Limits(100L << 20, 100_000, 10_000, 10_000, Duration.ofSeconds(30), 16, 64, Duration.ofSeconds(5));

  public Limits {
    if (maxBodyBytes < 1 || maxBulkLines < 2 || maxResultWindow < 1 || maxNumCandidates < 1 || maxConcurrent < 1
        || maxQueued < 0 || searchTimeout.isNegative() || searchTimeout.isZero() || queueWait.isNegative()) {
      throw new IllegalArgumentException("limits must be positive: " + this);
    }
  }

  public Limits withMaxBodyBytes(long v) {
    return new Limits(v, maxBulkLines, maxResultWindow, maxNumCandidates, searchTimeout, maxConcurrent, maxQueued, queueWait);
  }

  public Limits withMaxBulkLines(int v) {
    return new Limits(maxBodyBytes, v, maxResultWindow, maxNumCandidates, searchTimeout, maxConcurrent, maxQueued, queueWait);
  }

  public Limits withSearchTimeout(Duration v) {
    return new Limits(maxBodyBytes, maxBulkLines, maxResultWindow, maxNumCandidates, v, maxConcurrent, maxQueued, queueWait);
  }

  public Limits withConcurrency(int concurrent, int queued, Duration wait) {
    return new Limits(maxBodyBytes, maxBulkLines, maxResultWindow, maxNumCandidates, searchTimeout, concurrent, queued, wait);
  }
}
