package org.cxrsearch.onnx.pool;

/** Small float-vector arithmetic shared by the encoder and the index. Accumulates in double. */
public final class Vectors {

  private Vectors() {}

  public static double dot(float[] a, float[] b) {
    checkSameLength(a, b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  public static double norm(float[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** Cosine similarity; 0 when either vector is zero (as torch's {@code cosine_similarity} with eps). */
  public static float cosine(float[] a, float[] b) {
    double na = norm(a);
    double nb = norm(b);
    if (na == 0 || nb == 0) {
      return 0f;
    }
    return (float) (dot(a, b) / (na * nb));
  }

  /** A unit-length copy of {@code v}; a zero vector stays zero. */
  public static float[] l2Normalized(float[] v) {
    double n = norm(v);
    float[] out = new float[v.length];
    if (n == 0) {
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / n);
    }
    return out;
  }

  /** Unit-length copies of every row. */
  public static float[][] l2Normalized(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = l2Normalized(rows[i]);
    }
    return out;
  }

  private static void checkSameLength(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
    }
  }
}
