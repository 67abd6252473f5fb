package org.cxrsearch.lucene.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.TermQuery;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.store.ReportIndex;

/**
 * Runs {@link SearchRequest}s against a {@link ReportIndex}: BM25, KNN (with exact rescoring on
 * quantized indexes) or both fused, filters inside each retriever, and explanations per hit. The
 * work is {@link HybridSearcher}'s, on the index's current searcher; call {@link
 * ReportIndex#refresh()} to see new documents. Thread-safe.
 */
public final class ReportSearcher {

  /** Part names in explanations and JSON. */
  public static final String BM25 = "bm25";

  public static final String KNN = "knn";

  private final ReportIndex index;
  private final HybridSearcher searcher;

  public ReportSearcher(ReportIndex index) {
    this.index = index;
    this.searcher = new HybridSearcher(index.metadata().dimensions(), index.metadata().quantization());
  }

  public ReportIndex index() {
    return index;
  }

  /**
   * @throws org.cxrsearch.lucene.query.QuerySyntaxException if the BM25 query does not parse
   * @throws IllegalArgumentException if a filter names a field no report has, or the vector has the
   *     wrong dimension
   */
  public List<SearchHit> search(SearchRequest request) throws IOException {
    return index.withSearcher(s -> searcher.search(s, request));
  }

  /**
   * The {@code k} reports nearest to report {@code id} by its stored vector, itself excluded (inside
   * the graph search, so k neighbours come back).
   *
   * @throws IllegalArgumentException if there is no report {@code id}
   */
  public List<SearchHit> similar(String id, int k, List<FieldFilter> filters) throws IOException {
    float[] vector = index.vector(id).orElseThrow(() -> new IllegalArgumentException("no report with id '" + id + "' in " + index.path()));
    return index.withSearcher(s -> searcher.nearest(s, vector, k, filters, new TermQuery(ReportIndex.idTerm(id))));
  }
}
