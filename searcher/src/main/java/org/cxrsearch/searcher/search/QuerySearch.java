package org.cxrsearch.searcher.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.cxrsearch.lucene.fuse.Fusion;
import org.cxrsearch.lucene.fuse.ReciprocalRankFusion;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.radiology.RadiologyQuery;
import org.cxrsearch.lucene.radiology.RadiologySearch;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.radiology.finding.Status;
import org.cxrsearch.radiology.query.UnderstoodQuery;

/**
 * Search by query text, the one flow every host adapter (CLI, server, plugin) runs: BM25, KNN or
 * hybrid, with the radiology layer when it is on.
 *
 * <p>With the layer the query is first understood ({@link RadiologySearch#understand}): its
 * clinical rewording is what the KNN side encodes, its finding clauses and exclusion go into the
 * BM25 side and both retrievers ({@link RadiologySearch#applyTo}), the fusion runs {@code depth}
 * deep, and the fused hits are tiered by finding state and cut to {@code k}
 * ({@link RadiologySearch#rerank}). Facets count finding statuses over the whole fused pool, before
 * the cut. Without the layer it is the plain engine ({@link ReportSearcher#search}).
 */
public final class QuerySearch {

  private final ReportIndex index;
  private final RadiologySearch layer;
  private final QueryEncoder encoder;

  /**
   * @param index the index to search
   * @param layer the radiology layer, or {@code null} for the plain engine (see {@link RadiologyLayer#resolve})
   * @param encoder the query encoder, or {@code null} when only BM25 searches are run
   */
  public QuerySearch(ReportIndex index, RadiologySearch layer, QueryEncoder encoder) {
    this.index = Objects.requireNonNull(index, "index");
    this.layer = layer;
    this.encoder = encoder;
  }

  /** A search of {@code index} with the layer as {@code layer} decides it ({@link RadiologyLayer#resolve}). */
  public static QuerySearch open(ReportIndex index, RadiologyLayer layer, QueryEncoder encoder) throws IOException {
    return new QuerySearch(index, Objects.requireNonNull(layer, "layer").resolve(index), encoder);
  }

  /** Whether the radiology layer is on. */
  public boolean layerOn() {
    return layer != null;
  }

  /**
   * One search.
   *
   * @param query the query text (plain text: the KNN side encodes it, the BM25 side searches its words
   *     unless {@code luceneQuery} is given)
   * @param luceneQuery the BM25 side's query in Lucene syntax, or {@code null}
   * @param instruction the KNN instruction, or {@code null} for {@code preset}'s
   * @param preset the instruction preset used when {@code instruction} is null
   * @param finding the finding of a preset with a {@code {finding}} slot, or {@code null}: then the first
   *     finding the query was understood to ask about, else the query
   * @param k hits returned
   * @param depth hits each part contributes to a fusion; with the layer, also the pool it reranks
   * @param candidates HNSW candidates, 0 = automatic
   * @param facets whether to count finding statuses over the fused pool (needs the layer)
   * @param explain whether to explain, per hit, how its findings answered the query
   */
  public record Request(String query, String luceneQuery, SearchMode mode, String instruction, InstructionPreset preset,
      String finding, int k, int depth, int candidates, List<FieldFilter> filters, Fusion fusion, double bm25Weight,
      double knnWeight, boolean facets, boolean explain) {

    public Request {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(preset, "preset");
      Objects.requireNonNull(fusion, "fusion");
      filters = List.copyOf(filters);
      if (k <= 0) {
        throw new IllegalArgumentException("k must be positive: " + k);
      }
      if (depth <= 0) {
        throw new IllegalArgumentException("depth must be positive: " + depth);
      }
      if (luceneQuery != null && mode == SearchMode.KNN) {
        throw new IllegalArgumentException("luceneQuery: a KNN search has no BM25 side");
      }
    }

    /** A request for {@code query} in {@code mode} with the defaults of {@link Builder}. */
    public static Builder builder(SearchMode mode, String query) {
      return new Builder(mode, query);
    }

    /** Builds a {@link Request}; defaults: k 10, depth 100, RRF, weights 1, no filter, preset similar. */
    public static final class Builder {
      private final SearchMode mode;
      private final String query;
      private String luceneQuery;
      private String instruction;
      private InstructionPreset preset = InstructionPreset.SIMILAR;
      private String finding;
      private int k = SearchRequest.DEFAULT_K;
      private int depth = SearchRequest.DEFAULT_DEPTH;
      private int candidates;
      private List<FieldFilter> filters = List.of();
      private Fusion fusion = new ReciprocalRankFusion(ReciprocalRankFusion.DEFAULT_K);
      private double bm25Weight = 1;
      private double knnWeight = 1;
      private boolean facets;
      private boolean explain;

      private Builder(SearchMode mode, String query) {
        this.mode = mode;
        this.query = query;
      }

      public Builder luceneQuery(String v) {
        luceneQuery = v;
        return this;
      }

      public Builder instruction(String v) {
        instruction = v;
        return this;
      }

      public Builder preset(InstructionPreset v, String findingOrNull) {
        preset = v;
        finding = findingOrNull;
        return this;
      }

      public Builder k(int v) {
        k = v;
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

      public Builder filters(List<FieldFilter> v) {
        filters = v;
        return this;
      }

      public Builder fusion(Fusion v, double bm25, double knn) {
        fusion = v;
        bm25Weight = bm25;
        knnWeight = knn;
        return this;
      }

      public Builder facets(boolean v) {
        facets = v;
        return this;
      }

      public Builder explain(boolean v) {
        explain = v;
        return this;
      }

      public Request build() {
        return new Request(query, luceneQuery, mode, instruction, preset, finding, k, depth, candidates, filters, fusion, bm25Weight,
            knnWeight, facets, explain);
      }
    }
  }

  /**
   * What a search found and how it read the query.
   *
   * @param hits the hits, at most {@code k}
   * @param instruction the KNN instruction used ({@code null} without a KNN side)
   * @param understood what the query was understood to ask, or {@code null} without the layer
   * @param pool how many fused hits the layer reranked (the facets' population); {@code hits.size()} without it
   * @param facets finding to status to count over the pool, or {@code null} when not asked
   * @param explanations hit id to how its findings answered the query (asked with {@code explain}, layer on); else empty
   */
  public record Result(List<SearchHit> hits, String instruction, UnderstoodQuery understood, int pool,
      Map<String, Map<Status, Integer>> facets, Map<String, String> explanations) {
    public Result {
      hits = List.copyOf(hits);
      explanations = Map.copyOf(explanations);
    }
  }

  /** Runs {@code request}. */
  public Result search(Request request) throws IOException {
    if (request.facets() && layer == null) {
      throw new IllegalArgumentException("facets: need the radiology layer (an index built with it, and the layer not off)");
    }
    SearchMode mode = request.mode();
    RadiologyQuery rq = layer == null ? null : layer.understand(request.query());
    String instruction = null;
    float[] vector = null;
    if (mode.usesKnn()) {
      if (encoder == null) {
        throw new IllegalArgumentException("mode " + mode + ": a KNN side needs a query encoder, and this search has none");
      }
      instruction = request.instruction() != null ? request.instruction()
          : request.preset().instruction(request.finding() != null ? request.finding() : instructionSubject(request.query(), rq));
      vector = encoder.encode(instruction, rq == null ? request.query() : rq.knnText());
    }
    // The BM25 side: the user's Lucene query if given, else the words of the query text (syntax characters are report text).
    String bm25Text = !mode.usesBm25() ? null
        : request.luceneQuery() != null ? request.luceneQuery() : Bm25QueryParser.plainText(request.query());
    SearchRequest.Builder b = SearchRequest.builder(mode).text(bm25Text).vector(vector).filters(request.filters())
        .k(rq == null ? request.k() : Math.max(request.k(), request.depth())) // the layer reranks the whole fused pool
        .fusion(request.fusion()).weights(request.bm25Weight(), request.knnWeight()).depth(request.depth())
        .candidates(request.candidates());
    if (rq != null) {
      Query userBm25 = request.luceneQuery() == null || !mode.usesBm25() ? null : new Bm25QueryParser().parse(request.luceneQuery());
      layer.applyTo(b, rq, userBm25);
    }
    List<SearchHit> fused = new ReportSearcher(index).search(b.build());
    if (rq == null) {
      return new Result(fused, instruction, null, fused.size(), null, Map.of());
    }
    List<SearchHit> hits = layer.rerank(fused, rq, request.k());
    Map<String, String> explanations = new LinkedHashMap<>();
    if (request.explain()) {
      hits.forEach(h -> explanations.put(h.id(), layer.explain(rq, layer.findings(h))));
    }
    return new Result(hits, instruction, rq.understood(), fused.size(), request.facets() ? layer.facets(fused) : null, explanations);
  }

  /** What a preset's {@code {finding}} names: the first finding the query asks about, else the query itself. */
  private static String instructionSubject(String query, RadiologyQuery rq) {
    return rq != null && rq.understood().hasFindings() ? rq.understood().findings().get(0).finding().replace('_', ' ') : query;
  }
}
