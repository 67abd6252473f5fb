package org.cxrsearch.onnx.convert.graph;

/** Row-major float matrix helpers for weight preparation (done once, at conversion time). */
public final class Matrices {

  private static final int TILE = 64;

  private Matrices() {}

  /** {@code [cols, rows]} transpose of row-major {@code m [rows, cols]}, tiled for cache locality. */
  public static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int r0 = 0; r0 < rows; r0 += TILE) {
      for (int c0 = 0; c0 < cols; c0 += TILE) {
        int r1 = Math.min(rows, r0 + TILE);
        int c1 = Math.min(cols, c0 + TILE);
        for (int r = r0; r < r1; r++) {
          for (int c = c0; c < c1; c++) {
            t[c * rows + r] = m[r * cols + c];
          }
        }
      }
    }
    return t;
  }

  /** Stacks matrices with equal column counts on top of each other. */
  public static float[] concatRows(float[]... parts) {
    int n = 0;
    for (float[] p : parts) {
      n += p.length;
    }
    float[] out = new float[n];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** {@code m[from*cols .. to*cols)}: rows {@code [from, to)}. */
  public static float[] rows(float[] m, int cols, int from, int to) {
    return java.util.Arrays.copyOfRange(m, from * cols, to * cols);
  }

  /** A copy of {@code v} times {@code s}. */
  public static float[] scaled(float[] v, float s) {
    float[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= s;
    }
    return out;
  }

  /**
   * {@code x W^T + b} for {@code x [n, in]}, {@code W [out, in]}, {@code b [out]}: an affine map of
   * constant rows, accumulated in double (used to precompute latent keys and values).
   */
  public static float[] affineRows(float[] x, int n, int in, float[] w, int out, float[] b) {
    float[] y = new float[n * out];
    for (int i = 0; i < n; i++) {
      for (int o = 0; o < out; o++) {
        double acc = b[o];
        int xi = i * in;
        int wo = o * in;
        for (int k = 0; k < in; k++) {
          acc += (double) x[xi + k] * w[wo + k];
        }
        y[i * out + o] = (float) acc;
      }
    }
    return y;
  }
}
