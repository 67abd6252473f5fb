package org.cxrsearch.onnx.batch;

/**
 * A right-padded batch, row-major {@code [rows, width]}: what the graph's three int64 inputs hold.
 * Right padding differs from the reference's left padding but gives the same vectors: attention is
 * bidirectional with padding keys masked, and RoPE depends only on relative positions (MODEL.md §2).
 *
 * @param rows number of texts
 * @param width longest row; shorter rows are padded to it
 * @param inputIds token ids, pad id in the padding
 * @param attentionMask 1 on real tokens
 * @param embedMask 1 on pooled tokens
 * @param positions input position of every row, to restore input order
 */
public record PaddedBatch(int rows, int width, long[] inputIds, long[] attentionMask, long[] embedMask, int[] positions) {

  public long[] shape() {
    return new long[] {rows, width};
  }
}
