package org.cxrsearch.server.es;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.lucene.search.TermHighlighter;
import org.cxrsearch.server.ServerContext;
import org.cxrsearch.server.http.ApiException;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.http.ApiResponse;
import org.cxrsearch.server.http.Routes;
import org.cxrsearch.server.index.ServedIndex;

/**
 * {@code _search} and {@code _count} of one index, answered in Elasticsearch's shape
 * ({@code took}, {@code timed_out}, {@code _shards}, {@code hits.total}, {@code hits.hits[_index,
 * _id, _score, _source, highlight, _explanation]}).
 *
 * <p>Time limits: a request's own {@code timeout} returns the partial hits with
 * {@code timed_out: true}, as Elasticsearch does; a search that exceeds the server's limit
 * ({@link org.cxrsearch.server.http.Limits#searchTimeout()}) is a 504.
 */
public final class SearchApi {

  private final ServerContext ctx;

  public SearchApi(ServerContext ctx) {
    this.ctx = ctx;
  }

  public void register(Routes routes) {
    routes.getOrPost("/{index}/_search", this::search)
        .getOrPost("/{index}/_count", this::count)
        .getOrPost("/_search", r -> {
          throw ApiException.unsupported("search across all indices; name one index: /{index}/_search");
        });
  }

  ApiResponse search(ApiRequest request) throws IOException {
    long start = System.nanoTime();
    ServedIndex index = ctx.indices().get(singleIndex(request));
    SearchParser parser = new SearchParser(index, ctx.options().limits());
    SearchPlan plan = parser.parse(request.jsonOrEmpty(), request);
    long serverLimit = ctx.options().limits().searchTimeout().toNanos();
    long own = plan.timeoutMillis() * 1_000_000;
    long limit = own > 0 ? Math.min(own, serverLimit) : serverLimit;
    return index.index().withSearcher(shared -> {
      SearchExecutor executor = new SearchExecutor(index, shared, limit);
      SearchExecutor.Result result = executor.run(plan.retriever(), plan.from() + plan.size());
      if (result.timedOut() && (own == 0 || own > serverLimit)) {
        throw new ApiException(504, "search_timeout_exception", "the search took longer than the server's limit of "
            + ctx.options().limits().searchTimeout().toMillis() + " ms; narrow the query, lower k / num_candidates / rank_window_size, or raise --search-timeout");
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("took", (System.nanoTime() - start) / 1_000_000);
      body.put("timed_out", result.timedOut());
      body.put("_shards", Shards.one());
      body.put("hits", hits(index, executor, plan, result));
      return ApiResponse.ok(body);
    });
  }

  private Map<String, Object> hits(ServedIndex index, SearchExecutor executor, SearchPlan plan, SearchExecutor.Result result)
      throws IOException {
    IndexSearcher searcher = executor.searcher();
    var stored = searcher.storedFields();
    List<Object> hits = new ArrayList<>();
    TermHighlighter highlighter = plan.highlight() == null ? null
        : new TermHighlighter(plan.highlight().pre(), plan.highlight().post(), plan.highlight().fragmentSize(), plan.highlight().fragments());
    int rankConstant = plan.retriever() instanceof Retriever.Rrf r ? r.rankConstant() : 0;
    List<SearchExecutor.Ranked> ranked = result.ranked();
    for (int i = plan.from(); i < ranked.size(); i++) {
      SearchExecutor.Ranked h = ranked.get(i);
      ReportDocument report = ReportDocumentMapper.fromDocument(stored.document(h.doc()));
      Map<String, Object> hit = new LinkedHashMap<>();
      hit.put("_index", index.name());
      hit.put("_id", report.id());
      hit.put("_score", h.score());
      JsonNode source = plan.source().apply(Sources.of(report));
      if (source != null) {
        hit.put("_source", source);
      }
      if (highlighter != null && plan.highlightQuery() != null) {
        Map<String, Object> hl = highlight(highlighter, plan.highlight().fields(), plan.highlightQuery(), report);
        if (!hl.isEmpty()) {
          hit.put("highlight", hl);
        }
      }
      if (plan.explain()) {
        hit.put("_explanation", explanation(executor.explain(plan.retriever(), h, rankConstant)));
      }
      hits.add(hit);
    }
    Map<String, Object> total = new LinkedHashMap<>();
    total.put("value", result.total());
    total.put("relation", result.totalIsLowerBound() ? "gte" : "eq");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", total);
    out.put("max_score", ranked.isEmpty() ? null : ranked.get(0).score());
    out.put("hits", hits);
    return out;
  }

  private static Map<String, Object> highlight(TermHighlighter highlighter, List<String> fields, Query query, ReportDocument report) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields) {
      String text = Sources.text(report, f);
      if (text == null) {
        continue;
      }
      Set<BytesRef> terms = TermHighlighter.queryTerms(query, FieldKind.luceneField(f));
      List<String> fragments = highlighter.highlight(FieldKind.luceneField(f), text, terms);
      if (!fragments.isEmpty()) {
        out.put(f, fragments);
      }
    }
    return out;
  }

  static Map<String, Object> explanation(Explanation e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", e.getValue().floatValue());
    m.put("description", e.getDescription());
    List<Object> details = new ArrayList<>();
    for (Explanation d : e.getDetails()) {
      details.add(explanation(d));
    }
    m.put("details", details);
    return m;
  }

  ApiResponse count(ApiRequest request) throws IOException {
    ServedIndex index = ctx.indices().get(singleIndex(request));
    JsonNode body = request.jsonOrEmpty();
    QueryDsl.requireKnown(body, Set.of("query"), "_count");
    SearchParser parser = new SearchParser(index, ctx.options().limits());
    String q = request.query("q", null);
    Query query = parser.query(q != null ? QueryDsl.queryStringNode(q) : body.get("query"));
    int count = index.index().withSearcher(s -> s.count(query));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", count);
    out.put("_shards", Shards.one());
    return ApiResponse.ok(out);
  }

  /** The one index a request names; lists and patterns are refused. */
  static String singleIndex(ApiRequest request) {
    String name = request.param("index");
    if (name.contains(",") || name.contains("*")) {
      throw ApiException.unsupported("multi-index or wildcard target [" + name + "]; name one index");
    }
    return name;
  }
}
