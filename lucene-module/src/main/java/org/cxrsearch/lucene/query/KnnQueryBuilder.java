package org.cxrsearch.lucene.query;

import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportFields;

/**
 * Builds the approximate nearest-neighbour query of a unit query vector.
 *
 * <p>HNSW is searched with a queue of {@code candidates} (&ge; k) entries (Lucene's k, the
 * {@code ef} of Malkov and Yashunin), with the filter applied inside the graph walk
 * ({@link KnnFloatVectorQuery} with a filter), not to its results. For a quantized index the
 * candidates' approximate scores are then replaced by exact dot products against the stored float
 * vectors ({@link RescoreTopNQuery#createFullPrecisionRescorerQuery}), so oversampling
 * ({@code candidates / k}) buys back the precision quantization loses.
 *
 * <p>Scores are Lucene's {@code DOT_PRODUCT} scores {@code (1 + cos) / 2}; see {@link #cosine}.
 */
public record KnnQueryBuilder(VectorQuantization quantization) {

  /** Smallest automatic HNSW queue, however few hits are wanted. */
  public static final int MIN_CANDIDATES = 100;

  /** The query for the {@code candidates} best documents; callers take the top k of it. */
  public Query build(float[] queryVector, int candidates, Query filter) {
    return build(ReportFields.VECTOR, queryVector, candidates, filter);
  }

  /** As {@link #build(float[], int, Query)}, on vector field {@code field} (hosts name their own fields). */
  public Query build(String field, float[] queryVector, int candidates, Query filter) {
    if (candidates <= 0) {
      throw new IllegalArgumentException("KNN candidates must be positive: " + candidates);
    }
    Query knn = new KnnFloatVectorQuery(field, queryVector, candidates, filter);
    return quantization.quantized()
        ? RescoreTopNQuery.createFullPrecisionRescorerQuery(knn, queryVector, field, candidates)
        : knn;
  }

  /**
   * The automatic HNSW queue size for {@code wanted} hits: {@code max(wanted, 100)} times the
   * quantization's oversampling, so coarser codes get more candidates to rescore.
   */
  public int autoCandidates(int wanted) {
    return Math.max(wanted, MIN_CANDIDATES) * quantization.defaultOversample();
  }

  /** The cosine of unit vectors from a Lucene {@code DOT_PRODUCT} score. */
  public static double cosine(float luceneScore) {
    return 2.0 * luceneScore - 1.0;
  }
}
