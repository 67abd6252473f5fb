package org.cxrsearch.onnx.hub;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cxrsearch.onnx.convert.ProgressListener;

/**
 * Shows a progress bar on standard error for steps of at least {@code threshold} units (bytes of a
 * download); smaller steps finish too quickly to be worth a bar.
 */
public final class ConsoleProgress implements ProgressListener {

  /** Bars for steps of 8 MiB or more. */
  public static final long DEFAULT_THRESHOLD = 8L << 20;

  private final long threshold;
  private ProgressBar bar;

  public ConsoleProgress() {
    this(DEFAULT_THRESHOLD);
  }

  public ConsoleProgress(long threshold) {
    this.threshold = threshold;
  }

  @Override
  public void begin(String step, long total) {
    end();
    if (total >= threshold) {
      bar = new ProgressBarBuilder().setTaskName(step).setInitialMax(total).setUnit("MiB", 1L << 20)
          .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(500).build();
    }
  }

  @Override
  public void advance(long units) {
    if (bar != null) {
      bar.stepBy(units);
    }
  }

  @Override
  public void end() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
