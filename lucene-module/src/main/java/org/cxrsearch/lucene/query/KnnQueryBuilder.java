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

  /** The query for the {@code candidates} best documents; callers take the top k of it. */
  public Query build(float[] queryVector, int candidates, Query filter) {
    if (candidates <= 0) {
      throw new IllegalArgumentException("KNN candidates must be positive: " + candidates);
    }
    Query knn = new KnnFloatVectorQuery(ReportFields.VECTOR, queryVector, candidates, filter);
    return quantization.quantized()
        ? RescoreTopNQuery.createFullPrecisionRescorerQuery(knn, queryVector, ReportFields.VECTOR, candidates)
        : knn;
  }

  /** The cosine of unit vectors from a Lucene {@code DOT_PRODUCT} score. */
  public static double cosine(float luceneScore) {
    return 2.0 * luceneScore - 1.0;
  }
}
