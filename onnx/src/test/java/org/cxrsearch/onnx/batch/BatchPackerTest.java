package org.cxrsearch.onnx.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cxrsearch.onnx.tokenize.TokenizedText;
import org.junit.jupiter.api.Test;

class BatchPackerTest {

  @Test
  void padsOnTheRightAndMasksPaddingAndUnpooledTokens() {
    List<TokenizedText> rows = List.of(
        new TokenizedText(new long[] {1, 2, 3}, 1),
        new TokenizedText(new long[] {7}, 0));
    PaddedBatch b = new BatchPacker(99).pack(rows, new int[] {1, 0});
    assertEquals(2, b.rows());
    assertEquals(3, b.width());
    assertArrayEquals(new long[] {7, 99, 99, 1, 2, 3}, b.inputIds());
    assertArrayEquals(new long[] {1, 0, 0, 1, 1, 1}, b.attentionMask());
    assertArrayEquals(new long[] {1, 0, 0, 0, 1, 1}, b.embedMask());
    assertArrayEquals(new int[] {1, 0}, b.positions());
  }
}
