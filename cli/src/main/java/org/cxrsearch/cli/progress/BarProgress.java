package org.cxrsearch.cli.progress;

import java.io.IOException;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cxrsearch.indexer.pipeline.IndexingSummary;
import org.cxrsearch.indexer.progress.ProgressListener;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A terminal progress bar (records done of the estimated total, docs/s, ETA), redrawn in place.
 *
 * <p>The bar is given its width. Left to find it, the progress bar library builds a JLine system
 * terminal with JLine's defaults, which install the operating system's default action for SIGINT:
 * Ctrl-C then killed the JVM outright (status 130, shutdown hooks skipped), so the indexer never
 * committed what it had read. The width is read here from a JLine terminal built without native
 * signal handling, and the JVM keeps its own SIGINT handler (shutdown hooks, a clean stop).
 */
final class BarProgress implements ProgressListener {

  private static final int DEFAULT_WIDTH = 80;

  private final ProgressBar bar;
  private boolean closed;

  BarProgress(PrintStream out) {
    this.bar =
        ProgressBar.builder()
            .setTaskName("Indexing")
            .setInitialMax(-1)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setConsumer(new ConsoleProgressBarConsumer(out, terminalWidth() - 1))
            .setUnit(" docs", 1)
            .showSpeed()
            .setUpdateIntervalMillis(500)
            .build();
  }

  /** The terminal's columns, or {@value #DEFAULT_WIDTH} when it cannot tell; touches no signal handler. */
  static int terminalWidth() {
    try (Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(false).dumb(true).build()) {
      int width = terminal.getWidth();
      return width > 10 ? width : DEFAULT_WIDTH;
    } catch (IOException | RuntimeException e) {
      return DEFAULT_WIDTH;
    }
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
