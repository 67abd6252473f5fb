package org.cxrsearch.lucene.fuse;

import java.util.List;
import java.util.Objects;

/**
 * One part of a hybrid query: its hits best first, with the weight its contributions get in the
 * fused score.
 *
 * @param name the part, e.g. {@code bm25} or {@code knn}; names the part in explanations
 * @param weight multiplies the part's contributions; non-negative
 * @param hits best first (rank 1 is {@code hits.get(0)}); a doc appears at most once
 */
public record RankedList(String name, double weight, List<ScoredDoc> hits) {

  public RankedList {
    Objects.requireNonNull(name, "name");
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight of part '" + name + "' must be a finite number >= 0: " + weight);
    }
    hits = List.copyOf(hits);
  }
}
