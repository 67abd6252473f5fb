package org.cxrsearch.onnx.convert.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cxrsearch.onnx.convert.ProgressListener;

/** Shows conversion steps as console progress bars (units of a million parameters). */
final class ProgressBarListener implements ProgressListener {

  private ProgressBar bar;

  @Override
  public void begin(String step, long total) {
    end();
    if (total < 0) {
      System.err.println(step + " ...");
      return;
    }
    bar = new ProgressBarBuilder().setTaskName(step).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUnit("M", 1_000_000).showSpeed().continuousUpdate().setUpdateIntervalMillis(500).build();
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
