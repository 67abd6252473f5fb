package org.cxrsearch.onnx.encode;

import java.util.concurrent.atomic.LongAdder;

/**
 * Wall time spent in each stage of the encoder, summed over all calls: where the time goes.
 * Cheap enough to be always on (two {@code nanoTime} calls per stage and batch).
 */
public final class StageTimes {

  /** The stages of one encode call, in pipeline order. */
  public enum Stage { TOKENIZE, PACK, RUN, UNPACK }

  private final LongAdder[] nanos = new LongAdder[Stage.values().length];
  private final LongAdder texts = new LongAdder();
  private final LongAdder tokens = new LongAdder();
  private final LongAdder paddedTokens = new LongAdder();

  public StageTimes() {
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = new LongAdder();
    }
  }

  void add(Stage stage, long startNanos) {
    nanos[stage.ordinal()].add(System.nanoTime() - startNanos);
  }

  void countBatch(int rows, long realTokens, long padded) {
    texts.add(rows);
    tokens.add(realTokens);
    paddedTokens.add(padded);
  }

  /** An immutable copy of the counters. */
  public Snapshot snapshot() {
    long[] n = new long[nanos.length];
    for (int i = 0; i < n.length; i++) {
      n[i] = nanos[i].sum();
    }
    return new Snapshot(n, texts.sum(), tokens.sum(), paddedTokens.sum());
  }

  /**
   * @param nanos time per {@link Stage}, by ordinal
   * @param texts texts encoded
   * @param tokens real tokens encoded
   * @param paddedTokens tokens fed to the model, padding included
   */
  public record Snapshot(long[] nanos, long texts, long tokens, long paddedTokens) {
    public long nanos(Stage s) {
      return nanos[s.ordinal()];
    }

    public Snapshot minus(Snapshot before) {
      long[] d = new long[nanos.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = nanos[i] - before.nanos[i];
      }
      return new Snapshot(d, texts - before.texts, tokens - before.tokens, paddedTokens - before.paddedTokens);
    }
  }
}
