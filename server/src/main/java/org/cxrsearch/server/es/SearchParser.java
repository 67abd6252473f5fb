package org.cxrsearch.server.es;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.searcher.search.InstructionPreset;
import org.cxrsearch.server.http.ApiException;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.http.Limits;
import org.cxrsearch.server.index.ServedIndex;

/**
 * Parses a {@code _search} body into a {@link SearchPlan}, enforcing the limits on
 * {@code from + size}, {@code k} and {@code num_candidates}. Anything the server does not implement
 * is refused with a 400 that names it.
 *
 * <p>{@code query_vector_builder.text_embedding.model_text} is encoded by the index's own model as
 * the CLI encodes a query ({@code instruction + separator + text}, the {@code similar} preset's
 * empty instruction unless {@code _cxr_instruction} gives one), so the vector equals
 * {@code cxrsearch search}'s.
 */
final class SearchParser {

  private static final Set<String> TOP_LEVEL = Set.of("query", "knn", "retriever", "from", "size", "_source", "explain",
      "highlight", "track_total_hits", "timeout", "version", "seq_no_primary_term");
  private static final Set<String> KNN_KEYS = Set.of("field", "query_vector", "query_vector_builder", "k", "num_candidates",
      "filter", "boost", "similarity", "_cxr_instruction");

  /** Elasticsearch's defaults. */
  static final int DEFAULT_SIZE = 10;
  static final int DEFAULT_RANK_WINDOW = 10;
  static final int DEFAULT_RANK_CONSTANT = 60;

  private final ServedIndex index;
  private final Limits limits;
  private final QueryDsl dsl = new QueryDsl();
  private final List<Query> highlightQueries = new ArrayList<>();

  SearchParser(ServedIndex index, Limits limits) {
    this.index = index;
    this.limits = limits;
  }

  SearchPlan parse(JsonNode body, ApiRequest request) {
    if (!body.isObject()) {
      throw ApiException.parsing("the search body must be a JSON object");
    }
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_LEVEL.contains(key)) {
        throw ApiException.parsing("[" + key + "] is not supported by cxrsearch's _search (supported: " + new java.util.TreeSet<>(TOP_LEVEL) + ")");
      }
    }
    int from = request.intQuery("from", intField(body, "from", 0, "from"));
    int size = request.intQuery("size", intField(body, "size", DEFAULT_SIZE, "size"));
    if (from < 0 || size < 0) {
      throw ApiException.illegalArgument("[from] and [size] must be >= 0, got from=" + from + " size=" + size);
    }
    if ((long) from + size > limits.maxResultWindow()) {
      throw ApiException.illegalArgument("Result window is too large, from + size must be less than or equal to: ["
          + limits.maxResultWindow() + "] but was [" + ((long) from + size) + "]");
    }
    Retriever retriever = topLevel(body, request);
    SourceFilter source = request.hasQuery("_source") || request.hasQuery("_source_includes") || request.hasQuery("_source_excludes")
        ? SourceFilter.fromParams(request.query("_source", null), request.query("_source_includes", null), request.query("_source_excludes", null))
        : SourceFilter.parse(body.get("_source"));
    boolean explain = request.hasQuery("explain") ? request.flag("explain") : body.path("explain").asBoolean(false);
    SearchPlan.Highlight highlight = highlight(body.get("highlight"));
    Query hq = null;
    if (!highlightQueries.isEmpty()) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      highlightQueries.forEach(q -> b.add(q, Occur.SHOULD));
      hq = b.build();
    }
    long timeout = timeoutMillis(request.query("timeout", body.has("timeout") ? body.get("timeout").asText() : null));
    JsonNode track = body.get("track_total_hits");
    int trackTotalHits = track == null || track.isNull() ? SearchExecutor.TOTAL_HITS_THRESHOLD
        : track.isBoolean() ? (track.booleanValue() ? Integer.MAX_VALUE : 0)
        : track.isInt() && track.intValue() >= 0 ? track.intValue()
        : failTrack(track);
    return new SearchPlan(retriever, from, size, source, explain, highlight, hq, timeout, trackTotalHits);
  }

  private static int failTrack(JsonNode track) {
    throw ApiException.illegalArgument("[track_total_hits] must be a boolean or a non-negative integer, got " + track);
  }

  /** The query of {@code _count} or of a standard retriever: match_all when absent. */
  Query query(JsonNode node) {
    if (node == null || node.isNull()) {
      return new MatchAllDocsQuery();
    }
    Query q = dsl.parse(node);
    highlightQueries.add(q);
    return q;
  }

  private Retriever topLevel(JsonNode body, ApiRequest request) {
    if (body.has("retriever")) {
      if (body.has("query") || body.has("knn")) {
        throw ApiException.illegalArgument("cannot specify [retriever] together with [query] or [knn]");
      }
      return retriever(body.get("retriever"), "retriever");
    }
    String q = request.query("q", null);
    Query query = q != null ? query(QueryDsl.queryStringNode(q)) : body.has("query") ? query(body.get("query")) : null;
    List<Retriever.Knn> knns = new ArrayList<>();
    JsonNode knn = body.get("knn");
    if (knn != null) {
      if (knn.isArray()) {
        knn.forEach(k -> knns.add(knn(k, "knn")));
      } else {
        knns.add(knn(knn, "knn"));
      }
    }
    if (knns.isEmpty()) {
      return new Retriever.Standard(query == null ? new MatchAllDocsQuery() : query, null);
    }
    if (query == null && knns.size() == 1) {
      return knns.get(0);
    }
    // query + knn: Elasticsearch adds the scores of both (a disjunction), and so does Lucene's BooleanQuery.
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (query != null) {
      b.add(query, Occur.SHOULD);
    }
    for (Retriever.Knn k : knns) {
      b.add(SearchExecutor.knnQuery(index, k), Occur.SHOULD);
    }
    return new Retriever.Standard(b.build(), null);
  }

  private Retriever retriever(JsonNode node, String where) {
    if (node == null || !node.isObject() || node.size() != 1) {
      throw ApiException.parsing("[" + where + "] must be an object with exactly one retriever type");
    }
    var e = node.properties().iterator().next();
    JsonNode r = e.getValue();
    String at = where + "." + e.getKey();
    return switch (e.getKey()) {
      case "standard" -> {
        QueryDsl.requireKnown(r, Set.of("query", "filter"), at);
        yield new Retriever.Standard(query(r.get("query")), dsl.filter(r.get("filter")));
      }
      case "knn" -> knn(r, at);
      case "rrf" -> {
        QueryDsl.requireKnown(r, Set.of("retrievers", "rank_window_size", "rank_constant", "filter"), at);
        if (r.has("filter")) {
          throw ApiException.unsupported(at + ".filter (give each child retriever its filter)");
        }
        JsonNode children = r.get("retrievers");
        if (children == null || !children.isArray() || children.size() < 2) {
          throw ApiException.parsing("[" + at + "] needs at least two [retrievers]");
        }
        List<Retriever> rs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
          JsonNode child = children.get(i);
          String childAt = at + ".retrievers[" + i + "]";
          if (child.has("retriever")) { // the weighted form {"retriever": {...}, "weight": w}
            QueryDsl.requireKnown(child, Set.of("retriever", "weight"), childAt);
            double w = child.path("weight").asDouble(1);
            if (!(w >= 0) || Double.isInfinite(w)) {
              throw ApiException.illegalArgument("[" + childAt + ".weight] must be a finite number >= 0, got " + child.get("weight"));
            }
            rs.add(retriever(child.get("retriever"), childAt + ".retriever"));
            weights.add(w);
          } else {
            rs.add(retriever(child, childAt));
            weights.add(1.0);
          }
        }
        int window = intField(r, "rank_window_size", DEFAULT_RANK_WINDOW, at + ".rank_window_size");
        int constant = intField(r, "rank_constant", DEFAULT_RANK_CONSTANT, at + ".rank_constant");
        if (window < 1 || window > limits.maxResultWindow()) {
          throw ApiException.illegalArgument("[" + at + ".rank_window_size] must be in [1, " + limits.maxResultWindow() + "], got " + window);
        }
        if (constant < 1) {
          throw ApiException.illegalArgument("[" + at + ".rank_constant] must be >= 1, got " + constant);
        }
        yield new Retriever.Rrf(rs, weights, window, constant);
      }
      default -> throw ApiException.parsing("unknown retriever [" + e.getKey() + "]: cxrsearch supports standard, knn and rrf");
    };
  }

  private Retriever.Knn knn(JsonNode k, String at) {
    QueryDsl.requireKnown(k, KNN_KEYS, at);
    if (k.has("similarity")) {
      throw ApiException.unsupported(at + ".similarity");
    }
    String field = k.path("field").asText(null);
    if (field == null) {
      throw ApiException.parsing("[" + at + "] requires [field]");
    }
    if (!field.equals(index.vectorField())) {
      throw ApiException.illegalArgument("[" + at + ".field] is [" + field + "], but the vector field of index [" + index.name()
          + "] is [" + index.vectorField() + "]");
    }
    int kk = intField(k, "k", DEFAULT_SIZE, at + ".k");
    int candidates = intField(k, "num_candidates", Math.min((int) Math.ceil(1.5 * kk), limits.maxNumCandidates()), at + ".num_candidates");
    if (kk < 1 || kk > limits.maxResultWindow()) {
      throw ApiException.illegalArgument("[" + at + ".k] must be in [1, " + limits.maxResultWindow() + "], got " + kk);
    }
    if (candidates > limits.maxNumCandidates()) {
      throw ApiException.illegalArgument("[" + at + ".num_candidates] cannot exceed [" + limits.maxNumCandidates() + "], got " + candidates);
    }
    if (candidates < kk) {
      throw ApiException.illegalArgument("[" + at + ".num_candidates] cannot be less than [k], got " + candidates + " < " + kk);
    }
    float[] vector = vector(k, at);
    return new Retriever.Knn(Vectors.l2Normalized(vector), kk, candidates, dsl.filter(k.get("filter")));
  }

  private float[] vector(JsonNode k, String at) {
    JsonNode qv = k.get("query_vector");
    JsonNode builder = k.get("query_vector_builder");
    if ((qv == null) == (builder == null)) {
      throw ApiException.illegalArgument("[" + at + "] needs exactly one of [query_vector] and [query_vector_builder]");
    }
    float[] v;
    if (qv != null) {
      if (!qv.isArray()) {
        throw ApiException.parsing("[" + at + ".query_vector] must be an array of numbers");
      }
      v = new float[qv.size()];
      for (int i = 0; i < v.length; i++) {
        if (!qv.get(i).isNumber()) {
          throw ApiException.parsing("[" + at + ".query_vector][" + i + "] is not a number");
        }
        v[i] = qv.get(i).floatValue();
      }
    } else {
      JsonNode te = builder.get("text_embedding");
      if (te == null || builder.size() != 1) {
        throw ApiException.unsupported(at + ".query_vector_builder other than text_embedding");
      }
      QueryDsl.requireKnown(te, Set.of("model_id", "model_text"), at + ".query_vector_builder.text_embedding");
      String text = te.path("model_text").asText(null);
      if (text == null || text.isBlank()) {
        throw ApiException.parsing("[" + at + ".query_vector_builder.text_embedding] requires [model_text]");
      }
      String instruction = k.has("_cxr_instruction") ? k.get("_cxr_instruction").asText() : InstructionPreset.SIMILAR.instruction(text);
      v = index.encoder().encodeQuery(instruction, text);
    }
    if (v.length != index.metadata().dimensions()) {
      throw ApiException.illegalArgument("[" + at + "] the query vector has [" + v.length + "] dimensions, but field ["
          + index.vectorField() + "] has [" + index.metadata().dimensions() + "]");
    }
    double norm = Vectors.norm(v);
    if (!(norm > 0) || !Double.isFinite(norm)) {
      throw ApiException.illegalArgument("[" + at + "] the query vector is zero or not finite");
    }
    return v;
  }

  private static SearchPlan.Highlight highlight(JsonNode h) {
    if (h == null || h.isNull()) {
      return null;
    }
    QueryDsl.requireKnown(h, Set.of("fields", "pre_tags", "post_tags", "fragment_size", "number_of_fragments", "type"), "highlight");
    JsonNode fields = h.get("fields");
    List<String> names = new ArrayList<>();
    int fragmentSize = intField(h, "fragment_size", 100, "highlight.fragment_size");
    int fragments = intField(h, "number_of_fragments", 5, "highlight.number_of_fragments");
    if (fields == null) {
      throw ApiException.parsing("[highlight] requires [fields]");
    }
    if (fields.isObject()) {
      fields.fieldNames().forEachRemaining(names::add);
      for (JsonNode f : fields) {
        fragmentSize = intField(f, "fragment_size", fragmentSize, "highlight.fields.fragment_size");
        fragments = intField(f, "number_of_fragments", fragments, "highlight.fields.number_of_fragments");
      }
    } else if (fields.isArray()) {
      fields.forEach(f -> f.fieldNames().forEachRemaining(names::add));
    }
    for (String n : names) {
      if (FieldKind.of(n) != FieldKind.TEXT) {
        throw ApiException.illegalArgument("[highlight] field [" + n + "] is not a text field (text, findings, impression)");
      }
    }
    if (fragmentSize < 0 || fragments < 0) {
      throw ApiException.illegalArgument("[highlight] fragment_size and number_of_fragments must be >= 0, got fragment_size="
          + fragmentSize + " number_of_fragments=" + fragments);
    }
    String pre = tag(h.get("pre_tags"), "pre_tags", "<em>");
    String post = tag(h.get("post_tags"), "post_tags", "</em>");
    return new SearchPlan.Highlight(names, pre, post, fragments == 0 ? 0 : fragmentSize, Math.max(fragments, 1));
  }

  /**
   * Integer field {@code name} of {@code node}, {@code fallback} when absent; a 400 naming
   * {@code where} when it is not an integer (Jackson's {@code asInt} would read "ten" or 2.5 silently).
   */
  private static int intField(JsonNode node, String name, int fallback, String where) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isTextual()) {
      try {
        return Integer.parseInt(v.textValue().strip());
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    throw ApiException.parsing("[" + where + "] must be an integer, got " + v);
  }

  /** The first tag of {@code pre_tags} / {@code post_tags}: a string or a non-empty array of strings. */
  private static String tag(JsonNode tags, String name, String fallback) {
    if (tags == null || tags.isNull()) {
      return fallback;
    }
    JsonNode first = tags.isArray() ? tags.get(0) : tags;
    if (first == null || !first.isTextual()) {
      throw ApiException.illegalArgument("[highlight." + name + "] must be a string or a non-empty array of strings, got " + tags);
    }
    return first.asText();
  }

  /** Elasticsearch time values: {@code 500ms}, {@code 2s}, {@code 1m}; 0 when absent. */
  static long timeoutMillis(String value) {
    if (value == null || value.isBlank() || value.equals("-1")) {
      return 0;
    }
    var m = java.util.regex.Pattern.compile("(\\d+)(nanos|micros|ms|s|m|h|d)?").matcher(value.strip());
    if (!m.matches()) {
      throw ApiException.illegalArgument("failed to parse setting [timeout] with value [" + value + "] as a time value");
    }
    String unit = m.group(2) == null ? "ms" : m.group(2);
    try {
      long n = Long.parseLong(m.group(1));
      long millis = switch (unit) {
        case "nanos", "micros" -> Math.max(1, unit.equals("nanos") ? n / 1_000_000 : n / 1000);
        case "ms" -> n;
        case "s" -> Math.multiplyExact(n, 1000L);
        case "m" -> Math.multiplyExact(n, 60_000L);
        case "h" -> Math.multiplyExact(n, 3_600_000L);
        default -> Math.multiplyExact(n, 86_400_000L);
      };
      // the caller works in nanoseconds
      return Math.multiplyExact(millis, 1_000_000L) / 1_000_000L;
    } catch (NumberFormatException | ArithmeticException e) {
      throw ApiException.illegalArgument("failed to parse setting [timeout] with value [" + value + "]: too large");
    }
  }
}
