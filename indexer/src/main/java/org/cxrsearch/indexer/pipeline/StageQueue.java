package org.cxrsearch.indexer.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded hand-off between two pipeline stages whose end is a state, not an element.
 *
 * <p>An end-of-stream marker put into a bounded queue blocks when the queue is full, and a stage
 * that failed has nobody left to drain it: the producer then waits forever. Here {@link #finish()}
 * (normal end: the consumer drains what is queued, then sees the end) and {@link #abort()} (a stage
 * failed: queued elements are dropped and every waiter wakes up) never block, so a stage can always
 * signal its end from a {@code finally} block, interrupted or not.
 */
final class StageQueue<T> {

  /** Thrown to a producer whose consumer is gone: the run is failing, its stage should just end. */
  static final class AbortedException extends RuntimeException {
    AbortedException() {
      super("the indexing run was aborted", null, false, false);
    }
  }

  private final int capacity;
  private final ArrayDeque<T> items;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private boolean finished;
  private boolean aborted;

  StageQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.items = new ArrayDeque<>(capacity);
  }

  /**
   * Waits for room, then adds {@code item}.
   *
   * @throws AbortedException if the queue was aborted (before or while waiting)
   * @throws IllegalStateException if the producer already called {@link #finish()}
   */
  void put(T item) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (items.size() == capacity && !aborted) {
        notFull.await();
      }
      if (aborted) {
        throw new AbortedException();
      }
      if (finished) {
        throw new IllegalStateException("put after finish");
      }
      items.add(item);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for the next item.
   *
   * @return the next item, or {@code null} once the producer has finished and everything is taken
   * @throws AbortedException if the queue was aborted
   */
  T take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (items.isEmpty() && !finished && !aborted) {
        notEmpty.await();
      }
      if (aborted) {
        throw new AbortedException();
      }
      T next = items.poll();
      if (next != null) {
        notFull.signal();
      }
      return next;
    } finally {
      lock.unlock();
    }
  }

  /** The producer's normal end; never blocks, and is a no-op when repeated or after an abort. */
  void finish() {
    lock.lock(); // not interruptible: it must succeed in a finally block of an interrupted stage
    try {
      finished = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the hand-off for both sides at once: queued items are dropped, every waiter returns. */
  void abort() {
    lock.lock();
    try {
      aborted = true;
      items.clear();
      notFull.signalAll();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
