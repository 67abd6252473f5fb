package org.cxrsearch.lucene.search;

import java.util.List;
import java.util.Objects;
import org.cxrsearch.lucene.fuse.Fusion;
import org.cxrsearch.lucene.fuse.ReciprocalRankFusion;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.onnx.pool.Vectors;

/**
 * One search. Build with {@link #builder(SearchMode)}.
 *
 * @param mode which retrievers run
 * @param queryText the BM25 query (Lucene syntax); required unless {@code mode} is KNN
 * @param queryVector the encoded query (encode {@code instruction + separator + text}); required
 *     unless {@code mode} is BM25. Stored at unit length, as the index's dot-product similarity
 *     assumes: callers may pass the raw model output.
 * @param filters restrictions applied inside every retriever
 * @param k hits wanted
 * @param fusion how hybrid parts are merged
 * @param bm25Weight weight of the BM25 part in the fusion
 * @param knnWeight weight of the KNN part in the fusion
 * @param depth hits each part contributes to a hybrid fusion (&ge; k)
 * @param candidates HNSW queue size (&ge; the hits wanted from KNN); 0 chooses
 *     {@code max(wanted, 100) * quantization oversample}
 * @param bm25Query a prebuilt BM25 query used instead of parsing {@code queryText} (the radiology
 *     layer's), or {@code null}
 * @param exclude documents removed from every retriever (reports that contradict the asked
 *     findings), or {@code null}
 */
public record SearchRequest(
    SearchMode mode,
    String queryText,
    float[] queryVector,
    List<FieldFilter> filters,
    int k,
    Fusion fusion,
    double bm25Weight,
    double knnWeight,
    int depth,
    int candidates,
    org.apache.lucene.search.Query bm25Query,
    org.apache.lucene.search.Query exclude) {

  public static final int DEFAULT_K = 10;
  public static final int DEFAULT_DEPTH = 100;

  public SearchRequest {
    Objects.requireNonNull(mode, "mode");
    filters = List.copyOf(filters);
    Objects.requireNonNull(fusion, "fusion");
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    if (mode.usesBm25() && bm25Query == null && (queryText == null || queryText.isBlank())) {
      throw new IllegalArgumentException(mode + " search needs a query text");
    }
    if (mode.usesKnn() && queryVector == null) {
      throw new IllegalArgumentException(mode + " search needs a query vector");
    }
    queryVector = queryVector == null ? null : Vectors.l2Normalized(queryVector);
    if (candidates < 0) {
      throw new IllegalArgumentException("candidates must be >= 0: " + candidates);
    }
    depth = Math.max(depth, k);
  }

  /** A request without a prebuilt BM25 query or exclusion. */
  public SearchRequest(SearchMode mode, String queryText, float[] queryVector, List<FieldFilter> filters, int k, Fusion fusion,
      double bm25Weight, double knnWeight, int depth, int candidates) {
    this(mode, queryText, queryVector, filters, k, fusion, bm25Weight, knnWeight, depth, candidates, null, null);
  }

  public static Builder builder(SearchMode mode) {
    return new Builder(mode);
  }

  /** Mutable builder with the defaults: k 10, RRF(60), weights 1, depth 100, automatic candidates. */
  public static final class Builder {
    private final SearchMode mode;
    private String queryText;
    private float[] queryVector;
    private List<FieldFilter> filters = List.of();
    private int k = DEFAULT_K;
    private Fusion fusion = new ReciprocalRankFusion();
    private double bm25Weight = 1;
    private double knnWeight = 1;
    private int depth = DEFAULT_DEPTH;
    private int candidates;
    private org.apache.lucene.search.Query bm25Query;
    private org.apache.lucene.search.Query exclude;

    private Builder(SearchMode mode) {
      this.mode = mode;
    }

    public Builder text(String v) {
      queryText = v;
      return this;
    }

    public Builder vector(float[] v) {
      queryVector = v;
      return this;
    }

    public Builder filters(List<FieldFilter> v) {
      filters = v;
      return this;
    }

    public Builder k(int v) {
      k = v;
      return this;
    }

    public Builder fusion(Fusion v) {
      fusion = v;
      return this;
    }

    public Builder weights(double bm25, double knn) {
      bm25Weight = bm25;
      knnWeight = knn;
      return this;
    }

    public Builder depth(int v) {
      depth = v;
      return this;
    }

    public Builder candidates(int v) {
      candidates = v;
      return this;
    }

    public Builder bm25Query(org.apache.lucene.search.Query v) {
      bm25Query = v;
      return this;
    }

    public Builder exclude(org.apache.lucene.search.Query v) {
      exclude = v;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(mode, queryText, queryVector, filters, k, fusion, bm25Weight, knnWeight, depth, candidates, bm25Query, exclude);
    }
  }
}
