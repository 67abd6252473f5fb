package org.cxrsearch.cli.search;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.cxrsearch.onnx.encode.OnnxEncoder;

/**
 * An encoder being opened on a thread of its own while the caller opens the index.
 *
 * <p>Creating the ONNX Runtime session is most of a one-shot query's time; on two cores it overlaps
 * with opening the Lucene index and running the BM25 side, so a command-line search pays for the
 * longer of the two instead of their sum. The opening thread gets a large stack because ONNX
 * Runtime's native code may need more than the JVM's 1 MB default.
 */
final class PendingEncoder implements AutoCloseable {

  private static final long STACK_BYTES = 16L << 20;

  private final FutureTask<OnnxEncoder> task;

  private PendingEncoder(Supplier<OnnxEncoder> opener) {
    this.task = new FutureTask<>(opener::get);
    Thread thread = new Thread(null, task, "cxrsearch-open-model", STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts opening the encoder now. */
  static PendingEncoder start(Supplier<OnnxEncoder> opener) {
    return new PendingEncoder(opener);
  }

  /** The opened encoder, waiting for it if needed; a failure to open is rethrown as it was thrown. */
  OnnxEncoder get() {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the model was opening", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Waits for the opening to end and closes the encoder if it opened. A failure to open is not
   * rethrown here: it surfaces from {@link #get()} when the encoder is needed, and otherwise an error
   * the caller hit first (a missing index, say) must not be masked by it.
   */
  @Override
  public void close() {
    OnnxEncoder encoder;
    try {
      encoder = task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException | CancellationException e) {
      return;
    }
    encoder.close();
  }
}
