package org.cxrsearch.cli.index;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.indexer.pipeline.IndexingPipeline;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) during a run into a clean stop: the JVM's shutdown hook asks the
 * pipeline to stop reading and waits until the run has written and committed what it read, so the
 * interrupted run loses nothing it had read and {@code --resume} continues after it.
 */
final class StopOnSignal implements AutoCloseable {

  /** How long the hook waits for the final commit before letting the JVM exit anyway. */
  private static final long GRACE_SECONDS = 120;

  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;

  StopOnSignal(IndexingPipeline pipeline) {
    this.hook = new Thread(() -> {
      System.err.println("cxrsearch index: stopping: writing and committing the records already read...");
      pipeline.requestStop();
      try {
        done.await(GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cxrsearch-index-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that the run has committed
    }
  }
}
