package org.cxrsearch.lucene.fuse;

import java.util.Locale;
import java.util.Objects;

/**
 * Normalised linear combination: {@code score(d) = sum over parts p of w_p * norm_p(s_p(d))},
 * each part normalised over its own hits ({@link ScoreNormalization}); a part that did not return
 * {@code d} adds 0. See Bruch, Gai and Ingber, "An Analysis of Fusion Functions for Hybrid
 * Retrieval", ACM TOIS 2023, on convex combinations versus RRF.
 *
 * @param normalization how each part's scores are scaled
 */
public record LinearFusion(ScoreNormalization normalization) implements Fusion {

  public LinearFusion {
    Objects.requireNonNull(normalization, "normalization");
  }

  @Override
  public double[] contributions(RankedList part) {
    return normalization.normalize(part.hits().stream().mapToDouble(ScoredDoc::score).toArray());
  }

  @Override
  public String describe() {
    return "linear(" + normalization.name().toLowerCase(Locale.ROOT) + ")";
  }
}
