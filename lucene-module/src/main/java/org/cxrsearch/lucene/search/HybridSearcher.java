package org.cxrsearch.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.fuse.FusedHit;
import org.cxrsearch.lucene.fuse.PartScore;
import org.cxrsearch.lucene.fuse.RankedList;
import org.cxrsearch.lucene.fuse.ScoredDoc;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.query.KnnQueryBuilder;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.lucene.schema.ReportFields;

/**
 * Runs {@link SearchRequest}s on any {@link IndexSearcher} whose documents follow the report schema
 * ({@link ReportFields}, written by {@link ReportDocumentMapper}): BM25, KNN (with exact rescoring
 * when the vectors are quantized) or both fused, filters applied inside each retriever, and the
 * parts of each hit's score. The host owns the searcher: a plugin's shard searcher, an
 * application's own {@code DirectoryReader}, or {@link org.cxrsearch.lucene.store.ReportIndex}'s
 * (which {@link ReportSearcher} uses).
 *
 * <p>The algorithm: each retriever returns its top {@code k} (single mode) or {@code depth}
 * (hybrid) documents under the same filter (minus the request's exclusion, if any); KNN asks HNSW for {@code max(wanted, 100) x
 * oversample} candidates unless the request sets them, since quantized scores are rescored
 * exactly and recall needs the slack; hybrid fuses the two ranked lists with the request's
 * {@link org.cxrsearch.lucene.fuse.Fusion} (reciprocal rank fusion, Cormack et al. 2009, by
 * default). Thread-safe; holds no searcher.
 *
 * @param dimensions the vector dimensions of the indexed reports
 * @param quantization how the vectors are stored (decides rescoring and default oversampling)
 */
public record HybridSearcher(int dimensions, VectorQuantization quantization) {

  private static final int MIN_CANDIDATES = 100;

  public HybridSearcher {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
    }
    Objects.requireNonNull(quantization, "quantization");
  }

  /**
   * @throws org.cxrsearch.lucene.query.QuerySyntaxException if the request's BM25 query does not parse
   * @throws IllegalArgumentException if a filter names a field no document has, or the request's
   *     vector does not have {@link #dimensions()} dimensions
   */
  public List<SearchHit> search(IndexSearcher searcher, SearchRequest request) throws IOException {
    Query bm25 = !request.mode().usesBm25() ? null
        : request.bm25Query() != null ? request.bm25Query() : new Bm25QueryParser().parse(request.queryText());
    if (request.mode().usesKnn() && request.queryVector().length != dimensions) {
      throw new IllegalArgumentException(
          "query vector has " + request.queryVector().length + " dimensions, the index " + dimensions);
    }
    Query filter = withExclusion(filterQuery(searcher, request.filters()), request.exclude());
    int wanted = request.mode() == SearchMode.HYBRID ? request.depth() : request.k();
    List<RankedList> parts = new ArrayList<>(2);
    if (bm25 != null) {
      parts.add(new RankedList(ReportSearcher.BM25, request.bm25Weight(), bm25(searcher, bm25, filter, wanted)));
    }
    if (request.mode().usesKnn()) {
      int candidates = request.candidates() > 0 ? Math.max(request.candidates(), wanted) : autoCandidates(wanted);
      Query knn = new KnnQueryBuilder(quantization).build(request.queryVector(), candidates, filter);
      parts.add(new RankedList(ReportSearcher.KNN, request.knnWeight(), knn(searcher, knn, wanted)));
    }
    if (request.mode() != SearchMode.HYBRID) {
      return single(searcher, parts.get(0), request.k());
    }
    return hits(searcher, request.fusion().fuse(parts, request.k()), request.fusion().describe());
  }

  /**
   * The {@code k} documents nearest to {@code vector} that match {@code filters} and not {@code
   * exclude} (inside the graph search, so k neighbours come back).
   *
   * @param exclude documents to leave out (the query report itself), or {@code null}
   */
  public List<SearchHit> nearest(IndexSearcher searcher, float[] vector, int k, List<FieldFilter> filters, Query exclude)
      throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
    Query userFilter = filterQuery(searcher, filters);
    if (userFilter != null) {
      b.add(userFilter, Occur.FILTER);
    }
    if (exclude != null) {
      b.add(exclude, Occur.MUST_NOT);
    }
    Query knn = new KnnQueryBuilder(quantization).build(vector, autoCandidates(k), b.build());
    return single(searcher, new RankedList(ReportSearcher.KNN, 1, knn(searcher, knn, k)), k);
  }

  private int autoCandidates(int wanted) {
    return Math.max(wanted, MIN_CANDIDATES) * quantization.defaultOversample();
  }

  private static List<ScoredDoc> bm25(IndexSearcher searcher, Query query, Query filter, int n) throws IOException {
    Query q = filter == null ? query : new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    return scored(searcher.search(q, n), false);
  }

  private static List<ScoredDoc> knn(IndexSearcher searcher, Query query, int n) throws IOException {
    return scored(searcher.search(query, n), true);
  }

  private static List<ScoredDoc> scored(TopDocs top, boolean cosine) {
    List<ScoredDoc> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(new ScoredDoc(sd.doc, cosine ? KnnQueryBuilder.cosine(sd.score) : sd.score));
    }
    return out;
  }

  /** A single-retriever ranking: the part's own score is the final score. */
  private static List<SearchHit> single(IndexSearcher searcher, RankedList part, int k) throws IOException {
    List<FusedHit> ranked = new ArrayList<>();
    for (int i = 0; i < Math.min(k, part.hits().size()); i++) {
      ScoredDoc d = part.hits().get(i);
      ranked.add(new FusedHit(d.doc(), d.score(), List.of(new PartScore(part.name(), d.score(), i + 1, d.score()))));
    }
    return hits(searcher, ranked, part.name());
  }

  private static List<SearchHit> hits(IndexSearcher searcher, List<FusedHit> ranked, String method) throws IOException {
    List<SearchHit> hits = new ArrayList<>(ranked.size());
    var stored = searcher.storedFields();
    for (FusedHit h : ranked) {
      hits.add(new SearchHit(
          hits.size() + 1,
          h.score(),
          h.part(ReportSearcher.BM25).map(PartScore::score).orElse(null),
          h.part(ReportSearcher.KNN).map(PartScore::score).orElse(null),
          h.parts(),
          method,
          ReportDocumentMapper.fromDocument(stored.document(h.doc()))));
    }
    return hits;
  }

  /** The filters as one query, after checking that the index knows each field. */
  private static Query filterQuery(IndexSearcher searcher, List<FieldFilter> filters) {
    if (filters.isEmpty()) {
      return null;
    }
    FieldInfos infos = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
    if (infos.size() > 0) {
      for (FieldFilter f : filters) {
        if (infos.fieldInfo(f.field()) == null) {
          throw new IllegalArgumentException(
              "filter on '" + f.field() + "': no report in the index has that field; filterable fields: " + filterable(infos));
        }
      }
    }
    return FieldFilter.conjunction(filters);
  }

  /** {@code filter} minus the documents of {@code exclude} (the request's exclusion); either may be {@code null}. */
  private static Query withExclusion(Query filter, Query exclude) {
    if (exclude == null) {
      return filter;
    }
    return new BooleanQuery.Builder()
        .add(filter == null ? new MatchAllDocsQuery() : filter, Occur.FILTER)
        .add(exclude, Occur.MUST_NOT)
        .build();
  }

  private static Set<String> filterable(FieldInfos infos) {
    Set<String> names = new TreeSet<>();
    for (FieldInfo fi : infos) {
      if (ReportFields.isFilterable(fi.name)) {
        names.add(fi.name);
      }
    }
    return names;
  }
}
