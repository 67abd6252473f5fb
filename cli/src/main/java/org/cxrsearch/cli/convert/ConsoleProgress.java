package org.cxrsearch.cli.convert;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cxrsearch.onnx.convert.ProgressListener;

/**
 * Shows each step as a progress bar on standard error, for steps of at least {@code threshold} units
 * (smaller steps finish too quickly to be worth a bar); a step of unknown size is announced by a line.
 *
 * @param unitName the unit shown ({@code MiB})
 * @param unitSize work units per shown unit
 */
public final class ConsoleProgress implements ProgressListener {

  private final String unitName;
  private final long unitSize;
  private final long threshold;
  private ProgressBar bar;

  public ConsoleProgress(String unitName, long unitSize, long threshold) {
    this.unitName = unitName;
    this.unitSize = unitSize;
    this.threshold = threshold;
  }

  /** For downloads: bars in MiB, for files of 8 MiB or more. */
  public static ConsoleProgress bytes() {
    return new ConsoleProgress("MiB", 1L << 20, 8L << 20);
  }

  /** For conversions: every step, in millions of parameters. */
  public static ConsoleProgress parameters() {
    return new ConsoleProgress("M", 1_000_000, 0);
  }

  @Override
  public void begin(String step, long total) {
    end();
    if (total < 0) {
      System.err.println(step + " ...");
    } else if (total >= threshold) {
      bar = new ProgressBarBuilder().setTaskName(step).setInitialMax(total).setUnit(unitName, unitSize)
          .setStyle(ProgressBarStyle.ASCII).showSpeed().continuousUpdate().setUpdateIntervalMillis(500).build();
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
