package org.cxrsearch.lucene.fuse;

/**
 * Reciprocal rank fusion: {@code score(d) = sum over parts p of w_p / (k + rank_p(d))}, rank
 * 1-based. Uses ranks only, so BM25 and cosine scores need no common scale. Cormack, Clarke and
 * Buettcher, "Reciprocal Rank Fusion outperforms Condorcet and individual Rank Learning Methods",
 * SIGIR 2009, where k = 60.
 *
 * @param k the rank constant; larger k flattens the advantage of top ranks
 */
public record ReciprocalRankFusion(int k) implements Fusion {

  public static final int DEFAULT_K = 60;

  public ReciprocalRankFusion {
    if (k < 0) {
      throw new IllegalArgumentException("RRF k must be >= 0: " + k);
    }
  }

  public ReciprocalRankFusion() {
    this(DEFAULT_K);
  }

  @Override
  public double[] contributions(RankedList part) {
    double[] c = new double[part.hits().size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = 1.0 / (k + i + 1);
    }
    return c;
  }

  @Override
  public String describe() {
    return "rrf(k=" + k + ")";
  }
}
