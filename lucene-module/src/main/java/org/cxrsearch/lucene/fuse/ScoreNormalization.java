package org.cxrsearch.lucene.fuse;

/** Puts one part's scores on a common scale before a {@link LinearFusion}. */
public enum ScoreNormalization {
  /**
   * {@code (s - min) / (max - min)} over the part's hits: best hit 1, worst 0. When all scores are
   * equal (one hit, say) every hit gets 1.
   */
  MIN_MAX {
    @Override
    public double[] normalize(double[] scores) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double s : scores) {
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
      double[] out = new double[scores.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = max == min ? 1.0 : (scores[i] - min) / (max - min);
      }
      return out;
    }
  },
  /** {@code s / sqrt(sum s^2)} over the part's hits; all zeros stay zero. */
  L2 {
    @Override
    public double[] normalize(double[] scores) {
      double sq = 0;
      for (double s : scores) {
        sq += s * s;
      }
      double norm = Math.sqrt(sq);
      double[] out = new double[scores.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = norm == 0 ? 0 : scores[i] / norm;
      }
      return out;
    }
  };

  public abstract double[] normalize(double[] scores);
}
