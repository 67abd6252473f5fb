package org.cxrsearch.cli.progress;

import org.cxrsearch.indexer.progress.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cxrsearch.indexer.pipeline.IndexingSummary;

/** A terminal progress bar (records done of the estimated total, docs/s, ETA), redrawn in place. */
final class BarProgress implements ProgressListener {

  private final ProgressBar bar;
  private boolean closed;

  BarProgress(PrintStream out) {
    this.bar =
        ProgressBar.builder()
            .setTaskName("Indexing")
            .setInitialMax(-1)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setConsumer(new ConsoleProgressBarConsumer(out))
            .setUnit(" docs", 1)
            .showSpeed()
            .setUpdateIntervalMillis(500)
            .build();
  }

  @Override
  public void update(IndexingSummary soFar, long bytesRead, long totalBytes) {
    long total = ProgressEstimate.estimatedTotal(soFar, bytesRead, totalBytes);
    if (total > 0) {
      bar.maxHint(total);
    }
    bar.stepTo(ProgressEstimate.done(soFar));
    bar.setExtraMessage(soFar.failed() > 0 ? soFar.failed() + " failed" : "");
  }

  @Override
  public void close() {
    if (!closed) { // closed early by the caller before its summary line, then again by try-with-resources
      closed = true;
      bar.close();
    }
  }
}
