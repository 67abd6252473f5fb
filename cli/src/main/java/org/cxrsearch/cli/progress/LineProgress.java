package org.cxrsearch.cli.progress;

import org.cxrsearch.indexer.progress.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.cxrsearch.indexer.pipeline.IndexingSummary;

/**
 * Plain progress lines at a fixed interval, for logs and pipes where a redrawn bar would be noise:
 * {@code indexed 1,200 of ~5,000 records (24%), 98.7 docs/s, ETA 38 s, 3 failed}.
 */
final class LineProgress implements ProgressListener {

  private final PrintStream out;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private long lastPrinted;

  LineProgress(PrintStream out, Duration interval, LongSupplier nanoClock) {
    this.out = out;
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
    this.lastPrinted = nanoClock.getAsLong();
  }

  @Override
  public void update(IndexingSummary soFar, long bytesRead, long totalBytes) {
    long now = nanoClock.getAsLong();
    if (now - lastPrinted < intervalNanos) {
      return;
    }
    lastPrinted = now;
    out.println(line(soFar, ProgressEstimate.estimatedTotal(soFar, bytesRead, totalBytes)));
  }

  static String line(IndexingSummary s, long total) {
    long done = ProgressEstimate.done(s);
    StringBuilder sb = new StringBuilder(String.format("indexed %,d", s.indexed()));
    if (s.skipped() > 0) {
      sb.append(String.format(", skipped %,d", s.skipped()));
    }
    if (s.failed() > 0) {
      sb.append(String.format(", failed %,d", s.failed()));
    }
    if (total > 0) {
      sb.append(String.format(" of ~%,d records (%d%%)", total, Math.min(100, done * 100 / total)));
    }
    sb.append(String.format(", %.1f docs/s", s.docsPerSecond()));
    double seconds = s.elapsed().toNanos() / 1e9;
    if (total > done && done > 0 && seconds > 0) {
      sb.append(String.format(", ETA %.0f s", (total - done) / (done / seconds)));
    }
    return sb.toString();
  }

  @Override
  public void close() {}
}
