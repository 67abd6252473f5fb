package org.cxrsearch.cli.progress;

import org.cxrsearch.indexer.pipeline.IndexingSummary;

/**
 * The shared arithmetic of the progress displays. Inputs are streamed, so the number of records is
 * not known up front; it is estimated from the share of the input bytes read so far.
 */
final class ProgressEstimate {

  private ProgressEstimate() {}

  /** Records fully handled: written, skipped or rejected. */
  static long done(IndexingSummary s) {
    return s.indexed() + s.skipped() + s.failed();
  }

  /** Estimated records in the whole input, or -1 while there is nothing to extrapolate from. */
  static long estimatedTotal(IndexingSummary s, long bytesRead, long totalBytes) {
    if (totalBytes <= 0 || bytesRead <= 0 || s.read() == 0) {
      return -1;
    }
    if (bytesRead >= totalBytes) {
      return s.read();
    }
    return Math.max(s.read(), Math.round(s.read() * ((double) totalBytes / bytesRead)));
  }
}
