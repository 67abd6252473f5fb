package org.cxrsearch.server.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded admission: at most {@code concurrent} requests run, at most {@code queued} wait (each at
 * most {@code wait}), and any further request is refused at once. Refusing early keeps latency and
 * memory bounded under overload, where an unbounded queue would make every request slow and then
 * exhaust the heap; the client gets a 429 it can retry.
 */
public final class Admission {

  private final Semaphore running;
  private final int maxQueued;
  private final long waitNanos;
  private final AtomicInteger waiting = new AtomicInteger();

  public Admission(int concurrent, int queued, Duration wait) {
    this.running = new Semaphore(concurrent, true);
    this.maxQueued = queued;
    this.waitNanos = wait.toNanos();
  }

  /** Whether the caller may run now; if true it must {@link #release()} when done. */
  public boolean tryEnter() throws InterruptedException {
    if (running.tryAcquire()) {
      return true;
    }
    if (waiting.incrementAndGet() > maxQueued) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return running.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } finally {
      waiting.decrementAndGet();
    }
  }

  public void release() {
    running.release();
  }
}
