package org.cxrsearch.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.cxrsearch.lucene.fuse.FusedHit;
import org.cxrsearch.lucene.fuse.PartScore;
import org.cxrsearch.lucene.fuse.RankedList;
import org.cxrsearch.lucene.fuse.ScoredDoc;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.query.KnnQueryBuilder;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.lucene.store.ReportIndex;

/**
 * Runs {@link SearchRequest}s against a {@link ReportIndex}: BM25, KNN (with exact rescoring on
 * quantized indexes) or both fused, filters inside each retriever, and explanations per hit.
 * Each call uses the index's current searcher; call {@link ReportIndex#refresh()} to see new
 * documents. Thread-safe.
 */
public final class ReportSearcher {

  /** Part names in explanations and JSON. */
  public static final String BM25 = "bm25";

  public static final String KNN = "knn";

  private static final int MIN_CANDIDATES = 100;

  private final ReportIndex index;
  private final Bm25QueryParser parser = new Bm25QueryParser();
  private final KnnQueryBuilder knn;

  public ReportSearcher(ReportIndex index) {
    this.index = index;
    this.knn = new KnnQueryBuilder(index.metadata().quantization());
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
    Query bm25 = !request.mode().usesBm25() ? null : request.bm25Query() != null ? request.bm25Query() : parser.parse(request.queryText());
    if (request.mode().usesKnn() && request.queryVector().length != index.metadata().dimensions()) {
      throw new IllegalArgumentException(
          "query vector has " + request.queryVector().length + " dimensions, the index " + index.metadata().dimensions());
    }
    return index.withSearcher(searcher -> {
      Query filter = withExclusion(filterQuery(searcher, request.filters()), request.exclude());
      int wanted = request.mode() == SearchMode.HYBRID ? request.depth() : request.k();
      List<RankedList> parts = new ArrayList<>(2);
      if (bm25 != null) {
        parts.add(new RankedList(BM25, request.bm25Weight(), bm25(searcher, bm25, filter, wanted)));
      }
      if (request.mode().usesKnn()) {
        int candidates = request.candidates() > 0 ? Math.max(request.candidates(), wanted) : autoCandidates(wanted);
        parts.add(new RankedList(KNN, request.knnWeight(), knn(searcher, knn.build(request.queryVector(), candidates, filter), wanted)));
      }
      if (request.mode() != SearchMode.HYBRID) {
        return single(searcher, parts.get(0), request.k());
      }
      return hits(searcher, request.fusion().fuse(parts, request.k()), request.fusion().describe());
    });
  }

  /**
   * The {@code k} reports nearest to report {@code id} by its stored vector, itself excluded (inside
   * the graph search, so k neighbours come back).
   *
   * @throws IllegalArgumentException if there is no report {@code id}
   */
  public List<SearchHit> similar(String id, int k, List<FieldFilter> filters) throws IOException {
    float[] vector = index.vector(id).orElseThrow(() -> new IllegalArgumentException("no report with id '" + id + "' in " + index.path()));
    return index.withSearcher(searcher -> {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
      Query userFilter = filterQuery(searcher, filters);
      if (userFilter != null) {
        b.add(userFilter, Occur.FILTER);
      }
      b.add(new TermQuery(ReportIndex.idTerm(id)), Occur.MUST_NOT);
      return single(searcher, new RankedList(KNN, 1, knn(searcher, knn.build(vector, autoCandidates(k), b.build()), k)), k);
    });
  }

  private int autoCandidates(int wanted) {
    return Math.max(wanted, MIN_CANDIDATES) * index.metadata().quantization().defaultOversample();
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
          h.part(BM25).map(PartScore::score).orElse(null),
          h.part(KNN).map(PartScore::score).orElse(null),
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

  /** {@code filter} minus the documents of {@code exclude}; either may be {@code null}. */
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
