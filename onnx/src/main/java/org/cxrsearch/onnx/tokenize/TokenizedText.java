package org.cxrsearch.onnx.tokenize;

/**
 * One text as the model reads it: token ids (special tokens included, truncated) and which of them
 * are pooled. The pooled tokens are always a suffix, {@code [poolFrom, length)}: MODEL.md §4's
 * positional rule ("1 on the last n real positions").
 *
 * @param ids token ids, unpadded
 * @param poolFrom index of the first pooled token; 0 pools every token
 */
public record TokenizedText(long[] ids, int poolFrom) {

  public TokenizedText {
    if (poolFrom < 0 || poolFrom > ids.length) {
      throw new IllegalArgumentException("poolFrom " + poolFrom + " outside [0, " + ids.length + "]");
    }
  }

  public int length() {
    return ids.length;
  }

  /** The pooling mask over the unpadded row: 0 before {@link #poolFrom}, 1 from there on. */
  public long[] embedMask() {
    long[] mask = new long[ids.length];
    java.util.Arrays.fill(mask, poolFrom, ids.length, 1L);
    return mask;
  }
}
