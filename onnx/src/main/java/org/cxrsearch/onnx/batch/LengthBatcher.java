package org.cxrsearch.onnx.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups texts into batches by length so padding stays small: rows are sorted by token count
 * (longest first) and cut greedily, a batch closing when one more row would push
 * {@code rows x longest row} past the token budget or the row count past the batch size. A row
 * longer than the whole budget still gets a batch of its own. Each batch carries the original
 * positions of its rows so results can be put back in input order.
 *
 * @param maxBatchSize most rows in one batch
 * @param tokenBudget most padded tokens ({@code rows x width}) in one batch
 */
public record LengthBatcher(int maxBatchSize, int tokenBudget) {

  public LengthBatcher {
    if (maxBatchSize < 1 || tokenBudget < 1) {
      throw new IllegalArgumentException("maxBatchSize and tokenBudget must be positive: " + maxBatchSize + ", " + tokenBudget);
    }
  }

  /**
   * @param lengths token count of every row, in input order
   * @return batches of input positions; within a batch, longest first
   */
  public List<int[]> plan(int[] lengths) {
    Integer[] order = IntStream.range(0, lengths.length).boxed().toArray(Integer[]::new);
    // Stable sort: equal lengths keep input order, so plans are deterministic.
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> lengths[i]).reversed());
    List<int[]> batches = new ArrayList<>();
    int start = 0;
    while (start < order.length) {
      int width = Math.max(1, lengths[order[start]]);
      int rows = Math.max(1, Math.min(maxBatchSize, tokenBudget / width));
      int end = Math.min(order.length, start + rows);
      int[] batch = new int[end - start];
      for (int i = start; i < end; i++) {
        batch[i - start] = order[i];
      }
      batches.add(batch);
      start = end;
    }
    return batches;
  }
}
