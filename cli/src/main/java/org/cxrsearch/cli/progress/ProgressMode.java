package org.cxrsearch.cli.progress;

import org.cxrsearch.indexer.progress.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** How an indexing run shows progress on stderr. */
public enum ProgressMode {
  /** A bar when stderr is a terminal, plain lines otherwise. */
  AUTO,
  BAR,
  LINES,
  NONE;

  static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

  public ProgressListener open(PrintStream err) {
    return switch (this) {
      case AUTO -> (stderrIsTerminal() ? BAR : LINES).open(err);
      case BAR -> new BarProgress(err);
      case LINES -> new LineProgress(err, LINE_INTERVAL, System::nanoTime);
      case NONE -> ProgressListener.NONE;
    };
  }

  /**
   * Whether stderr is a terminal. Since JDK 22 {@code System.console()} is non-null even when the
   * streams are redirected, and {@code Console.isTerminal()} is not in the Java 21 API this project
   * targets, so on Linux the answer comes from where file descriptor 2 points.
   */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.exists(fd.getParent())) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (java.io.IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
