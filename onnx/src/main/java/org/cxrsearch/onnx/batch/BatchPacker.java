package org.cxrsearch.onnx.batch;

import java.util.List;
import org.cxrsearch.onnx.tokenize.TokenizedText;

/** Packs tokenized rows into a right-padded {@link PaddedBatch}. */
public record BatchPacker(long padId) {

  public PaddedBatch pack(List<TokenizedText> texts, int[] positions) {
    int rows = positions.length;
    int width = 1;
    for (int p : positions) {
      width = Math.max(width, texts.get(p).length());
    }
    long[] ids = new long[rows * width];
    long[] attention = new long[rows * width];
    long[] embed = new long[rows * width];
    java.util.Arrays.fill(ids, padId);
    for (int r = 0; r < rows; r++) {
      TokenizedText t = texts.get(positions[r]);
      int base = r * width;
      System.arraycopy(t.ids(), 0, ids, base, t.length());
      java.util.Arrays.fill(attention, base, base + t.length(), 1L);
      java.util.Arrays.fill(embed, base + t.poolFrom(), base + t.length(), 1L);
    }
    return new PaddedBatch(rows, width, ids, attention, embed, positions.clone());
  }
}
