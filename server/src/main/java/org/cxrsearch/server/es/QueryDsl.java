package org.cxrsearch.server.es;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.QueryBuilder;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.query.QuerySyntaxException;
import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.server.http.ApiException;

/**
 * Translates Elasticsearch's query DSL into Lucene queries over the report schema. Text is analysed
 * with the index's {@link ReportAnalyzer} and parsed with the CLI's {@link Bm25QueryParser}, so a
 * {@code match} here and the same words given to {@code cxrsearch search --mode bm25} build the same
 * query and score alike.
 *
 * <p>Supported: {@code match}, {@code match_phrase}, {@code multi_match} (best_fields, most_fields,
 * phrase), {@code query_string}, {@code simple}-free {@code term}, {@code terms}, {@code ids},
 * {@code range}, {@code exists}, {@code match_all}, {@code match_none}, {@code bool}. Anything else is
 * a 400 naming the query or parameter. Nesting is bounded by the JSON parser's depth limit.
 */
final class QueryDsl {

  private static final Analyzer ANALYZER = new ReportAnalyzer();

  private final QueryBuilder builder = new QueryBuilder(ANALYZER);

  /** The Lucene query of a DSL query object such as {@code {"match": {"text": "effusion"}}}. */
  Query parse(JsonNode node) {
    if (node == null || !node.isObject() || node.size() != 1) {
      throw ApiException.parsing("a query must be an object with exactly one query type, got " + node);
    }
    Map.Entry<String, JsonNode> e = node.properties().iterator().next();
    JsonNode body = e.getValue();
    return switch (e.getKey()) {
      case "match_all" -> boosted(new MatchAllDocsQuery(), body, Set.of("boost"), "match_all");
      case "match_none" -> new MatchNoDocsQuery();
      case "match" -> match(body, false);
      case "match_phrase" -> match(body, true);
      case "multi_match" -> multiMatch(body);
      case "query_string" -> queryString(body);
      case "term" -> term(body);
      case "terms" -> terms(body);
      case "ids" -> ids(body);
      case "range" -> range(body);
      case "exists" -> exists(body);
      case "bool" -> bool(body);
      default -> throw ApiException.parsing("unknown query [" + e.getKey() + "]: cxrsearch supports match, match_phrase, multi_match,"
          + " query_string, term, terms, ids, range, exists, match_all, match_none and bool");
    };
  }

  /** {@code {"query_string": {"query": q}}}: what the {@code ?q=} parameter means. */
  static JsonNode queryStringNode(String q) {
    var root = org.cxrsearch.server.http.Json.MAPPER.createObjectNode();
    root.putObject("query_string").put("query", q);
    return root;
  }

  /** Several queries as one conjunction of non-scoring filters ({@code null} for none). */
  Query filter(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<Query> qs = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> qs.add(parse(n)));
    } else {
      qs.add(parse(node));
    }
    if (qs.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    qs.forEach(q -> b.add(q, Occur.FILTER));
    return b.build();
  }

  private Query match(JsonNode body, boolean phrase) {
    String kind = phrase ? "match_phrase" : "match";
    Map.Entry<String, JsonNode> f = singleField(body, kind);
    String field = f.getKey();
    JsonNode v = f.getValue();
    String text;
    Occur occur = Occur.SHOULD;
    int slop = 0;
    float boost = 1;
    String minimumShouldMatch = null;
    if (v.isObject()) {
      requireKnown(v, phrase ? Set.of("query", "slop", "boost", "analyzer") : Set.of("query", "operator", "boost",
          "minimum_should_match", "analyzer"), kind + " [" + field + "]");
      text = requireScalar(v.get("query"), kind + " [" + field + "].query");
      if (v.has("operator")) {
        String op = v.get("operator").asText();
        occur = switch (op.toLowerCase(java.util.Locale.ROOT)) {
          case "or" -> Occur.SHOULD;
          case "and" -> Occur.MUST;
          default -> throw ApiException.illegalArgument(kind + " [" + field + "].operator must be and or or, got [" + op + "]");
        };
      }
      slop = v.path("slop").asInt(0);
      boost = (float) v.path("boost").asDouble(1);
      minimumShouldMatch = v.has("minimum_should_match") ? v.get("minimum_should_match").asText() : null;
    } else {
      text = requireScalar(v, kind + " [" + field + "]");
    }
    Query q = textQuery(field, text, occur, phrase, slop);
    if (minimumShouldMatch != null && q instanceof BooleanQuery bq) {
      q = withMinimumShouldMatch(bq, minimumShouldMatch, field);
    }
    return boost == 1 ? q : new BoostQuery(q, boost);
  }

  /** A match on one field: analysed for text fields, exact for keyword and date fields. */
  private Query textQuery(String field, String text, Occur occur, boolean phrase, int slop) {
    FieldKind kind = FieldKind.of(field);
    if (kind != FieldKind.TEXT) {
      return exact(field, text);
    }
    String lucene = FieldKind.luceneField(field);
    Query q = phrase ? builder.createPhraseQuery(lucene, text, slop) : builder.createBooleanQuery(lucene, text, occur);
    return q == null ? new MatchNoDocsQuery("no terms left after analysis of [" + text + "]") : q;
  }

  private static Query withMinimumShouldMatch(BooleanQuery bq, String msm, String field) {
    int clauses = bq.clauses().size();
    int n;
    try {
      n = msm.endsWith("%") ? (int) Math.floor(clauses * Integer.parseInt(msm.substring(0, msm.length() - 1)) / 100.0)
          : Integer.parseInt(msm);
    } catch (NumberFormatException e) {
      throw ApiException.illegalArgument("minimum_should_match [" + msm + "] of [" + field + "]: only an integer or a percentage is supported");
    }
    if (n < 0) {
      n = clauses + n;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    bq.clauses().forEach(b::add);
    b.setMinimumNumberShouldMatch(Math.max(0, Math.min(n, clauses)));
    return b.build();
  }

  private Query multiMatch(JsonNode body) {
    requireKnown(body, Set.of("query", "fields", "type", "operator", "tie_breaker", "boost"), "multi_match");
    String text = requireScalar(body.get("query"), "multi_match.query");
    JsonNode fields = body.get("fields");
    List<String> names = new ArrayList<>();
    if (fields == null) {
      names.addAll(List.of(ReportFields.TEXT));
    } else {
      fields.forEach(f -> names.add(f.asText()));
    }
    String type = body.path("type").asText("best_fields");
    Occur occur = body.path("operator").asText("or").equalsIgnoreCase("and") ? Occur.MUST : Occur.SHOULD;
    List<Query> perField = new ArrayList<>();
    for (String spec : names) {
      int caret = spec.indexOf('^');
      String field = caret < 0 ? spec : spec.substring(0, caret);
      float boost = caret < 0 ? 1 : Float.parseFloat(spec.substring(caret + 1));
      if (field.contains("*")) {
        throw ApiException.unsupported("multi_match field pattern " + field);
      }
      Query q = switch (type) {
        case "best_fields", "most_fields" -> textQuery(field, text, occur, false, 0);
        case "phrase" -> textQuery(field, text, occur, true, 0);
        default -> throw ApiException.unsupported("multi_match type " + type);
      };
      perField.add(boost == 1 ? q : new BoostQuery(q, boost));
    }
    Query q;
    if (type.equals("most_fields")) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      perField.forEach(p -> b.add(p, Occur.SHOULD));
      q = b.build();
    } else {
      q = new DisjunctionMaxQuery(perField, (float) body.path("tie_breaker").asDouble(0));
    }
    return boosted(q, body, null, "multi_match");
  }

  private Query queryString(JsonNode body) {
    requireKnown(body, Set.of("query", "default_field", "boost"), "query_string");
    String text = requireScalar(body.get("query"), "query_string.query");
    String field = FieldKind.luceneField(body.path("default_field").asText(ReportFields.TEXT));
    try {
      return boosted(new Bm25QueryParser(ANALYZER, field).parse(text), body, null, "query_string");
    } catch (QuerySyntaxException e) {
      throw new ApiException(400, "query_shard_exception", "Failed to parse query [" + text + "]: " + e.getMessage(), Map.of(), e);
    }
  }

  private Query term(JsonNode body) {
    Map.Entry<String, JsonNode> f = singleField(body, "term");
    JsonNode v = f.getValue();
    if (v.isObject()) {
      requireKnown(v, Set.of("value", "boost", "case_insensitive"), "term [" + f.getKey() + "]");
      if (v.path("case_insensitive").asBoolean(false)) {
        throw ApiException.unsupported("term.case_insensitive");
      }
      return boosted(exact(f.getKey(), requireScalar(v.get("value"), "term [" + f.getKey() + "].value")), v, null, "term");
    }
    return exact(f.getKey(), requireScalar(v, "term [" + f.getKey() + "]"));
  }

  /** One unanalysed value: a keyword or id term, a day of the study date, a raw term of a text field. */
  private static Query exact(String field, String value) {
    String lucene = FieldKind.luceneField(field);
    return switch (FieldKind.of(field)) {
      case DATE -> LongField.newExactQuery(lucene, day(value, field));
      case TEXT -> new TermQuery(new Term(lucene, value));
      case KEYWORD -> KeywordField.newExactQuery(lucene, value);
    };
  }

  private Query terms(JsonNode body) {
    String field = null;
    JsonNode values = null;
    float boost = 1;
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (e.getKey().equals("boost")) {
        boost = (float) e.getValue().asDouble();
      } else if (field == null) {
        field = e.getKey();
        values = e.getValue();
      } else {
        throw ApiException.parsing("[terms] query does not support multiple fields [" + field + ", " + e.getKey() + "]");
      }
    }
    if (field == null || !values.isArray()) {
      throw ApiException.parsing("[terms] query needs one field with an array of values (terms lookup is not supported)");
    }
    return termSet(field, values, boost);
  }

  private Query ids(JsonNode body) {
    requireKnown(body, Set.of("values", "boost"), "ids");
    JsonNode values = body.get("values");
    if (values == null || !values.isArray()) {
      throw ApiException.parsing("[ids] query needs an array [values]");
    }
    return termSet("_id", values, (float) body.path("boost").asDouble(1));
  }

  private Query termSet(String field, JsonNode values, float boost) {
    if (values.size() > IndexLimits.MAX_TERMS) {
      throw ApiException.illegalArgument("[terms] on [" + field + "] has " + values.size() + " values; the limit is " + IndexLimits.MAX_TERMS);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    List<String> vs = new ArrayList<>();
    for (JsonNode v : values) {
      vs.add(requireScalar(v, "[terms] value of [" + field + "]"));
    }
    Query q;
    if (FieldKind.of(field) == FieldKind.KEYWORD) {
      q = KeywordField.newSetQuery(FieldKind.luceneField(field), vs.stream().map(org.apache.lucene.util.BytesRef::new).toList());
    } else {
      vs.forEach(v -> b.add(exact(field, v), Occur.SHOULD));
      q = b.build();
    }
    // terms is a constant-score query in Elasticsearch
    q = new org.apache.lucene.search.ConstantScoreQuery(q);
    return boost == 1 ? q : new BoostQuery(q, boost);
  }

  private Query range(JsonNode body) {
    Map.Entry<String, JsonNode> f = singleField(body, "range");
    String field = f.getKey();
    JsonNode r = f.getValue();
    requireKnown(r, Set.of("gte", "gt", "lte", "lt", "format", "boost"), "range [" + field + "]");
    String lucene = FieldKind.luceneField(field);
    Query q = switch (FieldKind.of(field)) {
      case DATE -> {
        long lo = r.has("gte") ? day(r.get("gte").asText(), field) : r.has("gt") ? day(r.get("gt").asText(), field) + 1 : Long.MIN_VALUE;
        long hi = r.has("lte") ? day(r.get("lte").asText(), field) : r.has("lt") ? day(r.get("lt").asText(), field) - 1 : Long.MAX_VALUE;
        yield LongField.newRangeQuery(lucene, lo, hi);
      }
      case KEYWORD -> TermRangeQuery.newStringRange(lucene,
          text(r, "gte", "gt"), text(r, "lte", "lt"), r.has("gte") || !r.has("gt"), r.has("lte") || !r.has("lt"));
      case TEXT -> throw ApiException.illegalArgument("range on text field [" + field + "] is not supported; use a keyword or date field");
    };
    return boosted(new org.apache.lucene.search.ConstantScoreQuery(q), r, null, "range");
  }

  private static String text(JsonNode r, String inclusive, String exclusive) {
    return r.has(inclusive) ? r.get(inclusive).asText() : r.has(exclusive) ? r.get(exclusive).asText() : null;
  }

  private Query exists(JsonNode body) {
    requireKnown(body, Set.of("field", "boost"), "exists");
    String field = requireScalar(body.get("field"), "exists.field");
    return new org.apache.lucene.search.ConstantScoreQuery(new FieldExistsQuery(FieldKind.luceneField(field)));
  }

  private Query bool(JsonNode body) {
    requireKnown(body, Set.of("must", "should", "filter", "must_not", "minimum_should_match", "boost"), "bool");
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int should = clauses(b, body.get("should"), Occur.SHOULD);
    int scoring = clauses(b, body.get("must"), Occur.MUST) + clauses(b, body.get("filter"), Occur.FILTER);
    int mustNot = clauses(b, body.get("must_not"), Occur.MUST_NOT);
    if (body.has("minimum_should_match")) {
      b.setMinimumNumberShouldMatch(body.get("minimum_should_match").asInt());
    }
    if (should + scoring == 0 && mustNot > 0) {
      b.add(new MatchAllDocsQuery(), Occur.FILTER); // Elasticsearch: a bool of must_not only matches everything else
    }
    if (should + scoring + mustNot == 0) {
      return boosted(new MatchAllDocsQuery(), body, null, "bool");
    }
    return boosted(b.build(), body, null, "bool");
  }

  private int clauses(BooleanQuery.Builder b, JsonNode node, Occur occur) {
    if (node == null || node.isNull()) {
      return 0;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        b.add(parse(n), occur);
      }
      return node.size();
    }
    b.add(parse(node), occur);
    return 1;
  }

  private static Query boosted(Query q, JsonNode body, Set<String> known, String kind) {
    if (known != null && body.isObject()) {
      requireKnown(body, known, kind);
    }
    double boost = body.isObject() ? body.path("boost").asDouble(1) : 1;
    return boost == 1 ? q : new BoostQuery(q, (float) boost);
  }

  private static Map.Entry<String, JsonNode> singleField(JsonNode body, String kind) {
    if (body == null || !body.isObject() || body.size() != 1) {
      throw ApiException.parsing("[" + kind + "] query needs exactly one field, got " + body);
    }
    return body.properties().iterator().next();
  }

  static void requireKnown(JsonNode body, Set<String> known, String where) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw ApiException.parsing("[" + where + "] unknown or unsupported parameter [" + name + "]");
      }
    }
  }

  private static String requireScalar(JsonNode v, String where) {
    if (v == null || !v.isValueNode() || v.isNull()) {
      throw ApiException.parsing("[" + where + "] needs a string, number or boolean value");
    }
    return v.asText();
  }

  private static long day(String value, String field) {
    String v = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
    try {
      return LocalDate.parse(v).toEpochDay();
    } catch (DateTimeParseException e) {
      throw new ApiException(400, "parse_exception", "failed to parse date field [" + value + "] of [" + field
          + "]: cxrsearch dates are ISO days (yyyy-MM-dd)");
    }
  }
}
