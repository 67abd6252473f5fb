package org.cxrsearch.searcher.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cxrsearch.lucene.fuse.PartScore;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.radiology.RadiologySearch;
import org.cxrsearch.lucene.radiology.SimilarCases;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.store.ReportIndex;

/**
 * The reports most similar to a stored report, the one flow every host adapter runs. Without the
 * radiology layer: its nearest vectors ({@link ReportSearcher#similar}). With it: vector neighbours
 * and BM25 matches on the report's affirmed words, ranked with the agreement of their finding states
 * ({@link SimilarCases}); each hit then carries its parts ({@code knn}, {@code findings}, {@code bm25})
 * and the shared and conflicting findings.
 */
public final class SimilarSearch {

  private final ReportIndex index;
  private final RadiologySearch layer;
  private final SimilarCases.Weights weights;

  /**
   * @param index the index to search
   * @param layer the radiology layer, or {@code null} for the vector neighbours only
   * @param weights how vector, finding agreement and text combine under the layer
   */
  public SimilarSearch(ReportIndex index, RadiologySearch layer, SimilarCases.Weights weights) {
    this.index = Objects.requireNonNull(index, "index");
    this.layer = layer;
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  /** A search of {@code index} with the layer as {@code layer} decides it, default weights. */
  public static SimilarSearch open(ReportIndex index, RadiologyLayer layer) throws IOException {
    return new SimilarSearch(index, Objects.requireNonNull(layer, "layer").resolve(index), SimilarCases.Weights.DEFAULT);
  }

  /**
   * What was found.
   *
   * @param hits the hits, at most {@code k}
   * @param explanations hit id to its shared and conflicting findings (layer on; else empty)
   */
  public record Result(List<SearchHit> hits, Map<String, String> explanations) {
    public Result {
      hits = List.copyOf(hits);
      explanations = Map.copyOf(explanations);
    }
  }

  /** The {@code k} reports most similar to report {@code id}, itself excluded, among those {@code filters} keep. */
  public Result similar(String id, int k, List<FieldFilter> filters) throws IOException {
    if (layer == null) {
      return new Result(new ReportSearcher(index).similar(id, k, filters), Map.of());
    }
    List<SearchHit> hits = new ArrayList<>();
    Map<String, String> explanations = new LinkedHashMap<>();
    for (SimilarCases.Case c : new SimilarCases(layer.queries().analyzer().extractor(), weights).similar(index, id, k, filters)) {
      int rank = hits.size() + 1;
      hits.add(new SearchHit(rank, c.score(), c.text() == 0 ? null : c.text(), c.cosine(), List.of(
          new PartScore("knn", c.cosine(), rank, weights.vector() * c.cosine()),
          new PartScore("findings", c.agreement().score(), rank, weights.agreement() * c.agreement().score()),
          new PartScore("bm25", c.text(), rank, weights.text() * c.text())), "similar-cases", c.report()));
      explanations.put(c.id(), "shared " + c.agreement().shared() + ", conflicting " + c.agreement().conflicting());
    }
    return new Result(hits, explanations);
  }
}
