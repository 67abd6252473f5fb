package org.cxrsearch.server.es;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * One retriever of an Elasticsearch search, parsed: the top-level {@code query} and {@code knn}
 * sections become retrievers too, so one executor runs every form of search.
 */
sealed interface Retriever {

  /** A Lucene query, scored (BM25 for text), with an optional non-scoring filter. */
  record Standard(Query query, Query filter) implements Retriever {}

  /**
   * Approximate nearest neighbours of a unit query vector: the {@code k} best of
   * {@code numCandidates} graph candidates that pass the filter (applied inside the graph walk).
   */
  record Knn(float[] vector, int k, int numCandidates, Query filter) implements Retriever {}

  /**
   * Reciprocal rank fusion of child retrievers: each contributes its top {@code windowSize}, fused
   * with {@code 1 / (rankConstant + rank)} (Cormack et al., SIGIR 2009) by the library's
   * {@link org.cxrsearch.lucene.fuse.ReciprocalRankFusion}; {@code weights} scale each child's contributions.
   */
  record Rrf(List<Retriever> children, List<Double> weights, int windowSize, int rankConstant) implements Retriever {}
}
