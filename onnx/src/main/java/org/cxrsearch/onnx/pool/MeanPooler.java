package org.cxrsearch.onnx.pool;

import java.nio.FloatBuffer;

/**
 * Masked mean of token states, {@code e = sum_t m[t] h[t] / max(sum_t m[t], 1e-9)}: the
 * sentence-transformers pooling of all-MiniLM-L6-v2 (Reimers and Gurevych 2019, Sentence-BERT), and
 * the same rule LLM2Vec4CXR applies after its latent attention inside the graph.
 */
public final class MeanPooler {

  private MeanPooler() {}

  /**
   * @param states row-major {@code [rows, width, hidden]}
   * @param mask row-major {@code [rows, width]}, 1 where a token is pooled
   */
  public static float[][] pool(FloatBuffer states, long[] mask, int rows, int width, int hidden) {
    float[][] out = new float[rows][hidden];
    double[] acc = new double[hidden];
    for (int r = 0; r < rows; r++) {
      java.util.Arrays.fill(acc, 0);
      long count = 0;
      for (int t = 0; t < width; t++) {
        if (mask[r * width + t] == 0) {
          continue;
        }
        count++;
        int base = (r * width + t) * hidden;
        for (int h = 0; h < hidden; h++) {
          acc[h] += states.get(base + h);
        }
      }
      double denom = Math.max(count, 1e-9);
      for (int h = 0; h < hidden; h++) {
        out[r][h] = (float) (acc[h] / denom);
      }
    }
    return out;
  }
}
