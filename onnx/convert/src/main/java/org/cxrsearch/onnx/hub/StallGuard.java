package org.cxrsearch.onnx.hub;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * Closes a response body when no bytes have arrived for a while, so a stalled transfer ends with an
 * {@link IOException} (which the downloader resumes with a {@code Range} request) instead of
 * blocking forever: {@link java.net.http.HttpClient}'s request timeout stops at the response
 * headers and there is no read timeout on the body. Closing the body from another thread makes the
 * blocked read throw. One watchdog thread per transfer, ended by {@link #close()}.
 */
final class StallGuard implements AutoCloseable {

  private final Closeable body;
  private final long limitNanos;
  private final Thread watchdog;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean stalled;
  private volatile boolean done;

  StallGuard(Closeable body, Duration limit, String what) {
    this.body = body;
    this.limitNanos = limit.toNanos();
    long checkMillis = Math.max(10, Math.min(1000, limit.toMillis() / 4));
    this.watchdog = Thread.ofPlatform().daemon().name("cxrsearch-stall-guard " + what).unstarted(() -> watch(checkMillis));
    watchdog.start();
  }

  /** Records that bytes arrived. */
  void progressed() {
    lastProgress = System.nanoTime();
  }

  /** Whether the body was closed because it stalled. */
  boolean stalled() {
    return stalled;
  }

  private void watch(long checkMillis) {
    while (!done) {
      try {
        Thread.sleep(checkMillis);
      } catch (InterruptedException e) {
        return;
      }
      if (!done && System.nanoTime() - lastProgress > limitNanos) {
        stalled = true;
        try {
          body.close();
        } catch (IOException ignored) {
          // the reader sees the stall either way
        }
        return;
      }
    }
  }

  @Override
  public void close() {
    done = true;
    watchdog.interrupt();
  }
}
