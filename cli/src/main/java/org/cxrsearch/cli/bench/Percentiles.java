package org.cxrsearch.cli.bench;

import java.util.Arrays;

/** Latency percentiles by the nearest-rank method, in milliseconds. */
record Percentiles(double p50, double p99, double mean) {

  static Percentiles ofNanos(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return new Percentiles(rank(s, 0.50), rank(s, 0.99), Arrays.stream(s).average().orElse(0) / 1e6);
  }

  private static double rank(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
  }
}
