package org.cxrsearch.onnx.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LengthBatcherTest {

  @Test
  void sortsLongestFirstAndCutsAtTheTokenBudget() {
    // lengths by position: 0:5 1:20 2:7 3:20 4:1 ; budget 40 tokens, at most 3 rows
    List<int[]> plan = new LengthBatcher(3, 40).plan(new int[] {5, 20, 7, 20, 1});
    // width 20 -> 40/20 = 2 rows: [1, 3]; then width 7 -> min(3, 5) = 3 rows: [2, 0, 4]
    assertEquals(2, plan.size());
    assertArrayEquals(new int[] {1, 3}, plan.get(0));
    assertArrayEquals(new int[] {2, 0, 4}, plan.get(1));
  }

  @Test
  void aRowLongerThanTheBudgetGetsABatchOfItsOwn() {
    List<int[]> plan = new LengthBatcher(8, 10).plan(new int[] {3, 512, 3});
    assertArrayEquals(new int[] {1}, plan.get(0));
    assertArrayEquals(new int[] {0, 2}, plan.get(1));
  }

  @Test
  void batchSizeCapsRows() {
    List<int[]> plan = new LengthBatcher(2, 1000).plan(new int[] {4, 4, 4, 4, 4});
    assertEquals(List.of(2, 2, 1), plan.stream().map(b -> b.length).toList());
    // equal lengths keep input order
    assertArrayEquals(new int[] {0, 1}, plan.get(0));
    assertArrayEquals(new int[] {4}, plan.get(2));
  }

  @Test
  void emptyInputGivesNoBatches() {
    assertEquals(0, new LengthBatcher(4, 100).plan(new int[0]).size());
  }
}
