package org.cxrsearch.server.es;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cxrsearch.lucene.codec.HnswParams;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.server.ServerContext;
import org.cxrsearch.server.http.ApiException;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.http.ApiResponse;
import org.cxrsearch.server.http.Routes;
import org.cxrsearch.server.index.IndexDefinition;
import org.cxrsearch.server.index.IndexNames;
import org.cxrsearch.server.index.ServedIndex;

/**
 * Index management: {@code HEAD|PUT|GET|DELETE /{index}}, {@code _refresh}, {@code _flush},
 * {@code GET /_cat/indices}.
 *
 * <p>Create-index bodies: {@code settings} may name {@code index.cxr.model},
 * {@code index.cxr.document_instruction}, {@code index.number_of_shards} (1) and
 * {@code index.number_of_replicas} (ignored: one node); {@code mappings.properties} may declare the
 * schema's fields with their types (text: text, findings, impression; date: study_date; keyword:
 * any other) and one {@code dense_vector} field whose {@code index_options} choose quantization
 * ({@code hnsw}, {@code int8_hnsw}, {@code int4_hnsw}, {@code bbq_hnsw}) and HNSW {@code m},
 * {@code ef_construction}. A mapping that contradicts the schema is a 400 naming the field.
 */
public final class IndicesApi {

  private final ServerContext ctx;

  public IndicesApi(ServerContext ctx) {
    this.ctx = ctx;
  }

  public void register(Routes routes) {
    routes.head("/{index}", r -> ApiResponse.status(ctx.indices().exists(IndexNames.validate(r.param("index"))) ? 200 : 404))
        .put("/{index}", this::create)
        .get("/{index}", this::get)
        .delete("/{index}", this::delete)
        .getOrPost("/{index}/_refresh", r -> shardsOnly(r, false))
        .getOrPost("/{index}/_flush", r -> shardsOnly(r, true))
        .get("/{index}/_mapping", r -> ApiResponse.ok(Map.of(r.param("index"), Map.of("mappings", mappings(ctx.indices().get(r.param("index")))))))
        .get("/_cat/indices", this::cat);
  }

  private ApiResponse create(ApiRequest request) throws IOException {
    String name = IndexNames.validate(request.param("index"));
    IndexDefinition def = definition(request.jsonOrEmpty());
    ctx.indices().create(name, def);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("acknowledged", true);
    out.put("shards_acknowledged", true);
    out.put("index", name);
    return ApiResponse.ok(out);
  }

  private IndexDefinition definition(JsonNode body) {
    QueryDsl.requireKnown(body, Set.of("settings", "mappings", "aliases"), "create index");
    if (body.has("aliases") && body.get("aliases").size() > 0) {
      throw ApiException.unsupported("aliases");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    flatten("", body.path("settings"), settings);
    String model = null;
    String instruction = "";
    for (var e : settings.entrySet()) {
      String key = e.getKey().startsWith("index.") ? e.getKey().substring("index.".length()) : e.getKey();
      switch (key) {
        case "cxr.model" -> model = e.getValue();
        case "cxr.document_instruction" -> instruction = e.getValue();
        case "number_of_shards" -> {
          if (!e.getValue().equals("1")) {
            throw ApiException.illegalArgument("[index.number_of_shards] must be 1: cxrsearch serves one shard per index");
          }
        }
        case "number_of_replicas", "refresh_interval" -> { } // one node; refreshes are explicit
        default -> throw ApiException.illegalArgument("unknown or unsupported setting [index." + key + "]");
      }
    }
    String vectorField = ReportFields.VECTOR;
    int dims = 0;
    VectorQuantization quantization = VectorQuantization.FLOAT;
    HnswParams hnsw = HnswParams.DEFAULTS;
    JsonNode mappings = body.path("mappings");
    if (mappings.isObject()) {
      QueryDsl.requireKnown(mappings, Set.of("properties", "dynamic", "_source"), "mappings");
      JsonNode props = mappings.path("properties");
      boolean vectorSeen = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator(); it.hasNext(); ) {
        var e = it.next();
        String field = e.getKey();
        String type = e.getValue().path("type").asText("object");
        if (type.equals("dense_vector")) {
          if (vectorSeen) {
            throw ApiException.illegalArgument("mapping [" + field + "]: an index has one dense_vector field");
          }
          vectorSeen = true;
          vectorField = field;
          JsonNode v = e.getValue();
          QueryDsl.requireKnown(v, Set.of("type", "dims", "similarity", "index", "index_options", "element_type"), "mapping [" + field + "]");
          String sim = v.path("similarity").asText("cosine");
          if (!sim.equals("cosine") && !sim.equals("dot_product")) {
            throw ApiException.illegalArgument("mapping [" + field + "]: similarity [" + sim + "] is not supported; vectors are unit length, compared by cosine");
          }
          if (!v.path("element_type").asText("float").equals("float")) {
            throw ApiException.unsupported("mapping [" + field + "].element_type " + v.get("element_type").asText());
          }
          JsonNode opts = v.path("index_options");
          quantization = switch (opts.path("type").asText("hnsw")) {
            case "hnsw" -> VectorQuantization.FLOAT;
            case "int8_hnsw" -> VectorQuantization.parse("int8");
            case "int4_hnsw" -> VectorQuantization.parse("int4");
            case "bbq_hnsw" -> VectorQuantization.parse("binary");
            default -> throw ApiException.unsupported("mapping [" + field + "].index_options.type " + opts.path("type").asText());
          };
          try {
            hnsw = new HnswParams(opts.path("m").asInt(hnsw.maxConn()), opts.path("ef_construction").asInt(hnsw.beamWidth()));
          } catch (IllegalArgumentException bad) {
            throw ApiException.illegalArgument("mapping [" + field + "].index_options: " + bad.getMessage());
          }
          dims = v.has("dims") ? v.get("dims").asInt() : 0;
          continue;
        }
        FieldKind kind = FieldKind.of(field);
        String expected = kind.esType();
        if (!type.equals(expected) && !(kind == FieldKind.KEYWORD && field.equals("metadata") && type.equals("object"))) {
          throw ApiException.illegalArgument("mapping [" + field + "]: type [" + type + "] does not fit the report schema, where ["
              + field + "] is [" + expected + "] (text: text, findings, impression; date: study_date; keyword: every other field)");
        }
      }
    }
    return new IndexDefinition(model, quantization, hnsw, instruction, vectorField, dims);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
    } else {
      out.put(prefix, node.asText());
    }
  }

  private ApiResponse get(ApiRequest request) throws IOException {
    ServedIndex index = ctx.indices().get(request.param("index"));
    Map<String, Object> cxr = new LinkedHashMap<>();
    cxr.put("model", index.metadata().modelSpec());
    cxr.put("document_instruction", index.metadata().documentInstruction());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("number_of_shards", "1");
    settings.put("number_of_replicas", "0");
    settings.put("provided_name", index.name());
    settings.put("creation_date", Long.toString(index.createdMillis()));
    settings.put("uuid", index.name());
    settings.put("cxr", cxr);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("aliases", Map.of());
    out.put("mappings", mappings(index));
    out.put("settings", Map.of("index", settings));
    return ApiResponse.ok(Map.of(index.name(), out));
  }

  /** The schema as Elasticsearch mappings. */
  static Map<String, Object> mappings(ServedIndex index) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (String f : List.of(ReportFields.TEXT, ReportFields.FINDINGS, ReportFields.IMPRESSION)) {
      props.put(f, Map.of("type", "text"));
    }
    props.put(ReportFields.STUDY_DATE, Map.of("type", "date", "format", "strict_date"));
    props.put(ReportFields.STUDY_ID, Map.of("type", "keyword"));
    props.put(ReportFields.PATIENT_ID, Map.of("type", "keyword"));
    Map<String, Object> vector = new LinkedHashMap<>();
    vector.put("type", "dense_vector");
    vector.put("dims", index.metadata().dimensions());
    vector.put("index", true);
    vector.put("similarity", "cosine");
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("type", switch (index.metadata().quantization().name().toLowerCase(Locale.ROOT)) {
      case "int8" -> "int8_hnsw";
      case "int4" -> "int4_hnsw";
      case "binary" -> "bbq_hnsw";
      default -> "hnsw";
    });
    opts.put("m", index.hnsw().maxConn());
    opts.put("ef_construction", index.hnsw().beamWidth());
    vector.put("index_options", opts);
    props.put(index.vectorField(), vector);
    return Map.of("dynamic", "true", "properties", props);
  }

  private ApiResponse delete(ApiRequest request) throws IOException {
    ctx.indices().delete(IndexNames.validate(request.param("index")));
    return ApiResponse.ok(Map.of("acknowledged", true));
  }

  private ApiResponse shardsOnly(ApiRequest request, boolean commit) throws IOException {
    ServedIndex index = ctx.indices().get(request.param("index"));
    if (commit) {
      index.flush();
    } else {
      index.refresh();
    }
    return ApiResponse.ok(Map.of("_shards", Shards.write()));
  }

  private ApiResponse cat(ApiRequest request) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String name : ctx.indices().names()) {
      ServedIndex idx = ctx.indices().get(name);
      int docs = idx.index().numDocs();
      long bytes = idx.index().sizeOnDisk();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("health", "green");
      row.put("status", "open");
      row.put("index", name);
      row.put("uuid", name);
      row.put("pri", "1");
      row.put("rep", "0");
      row.put("docs.count", Integer.toString(docs));
      row.put("docs.deleted", Integer.toString(idx.index().withSearcher(s -> s.getIndexReader().numDeletedDocs())));
      row.put("store.size", Long.toString(bytes));
      row.put("pri.store.size", Long.toString(bytes));
      rows.add(row);
    }
    if ("json".equals(request.query("format", null))) {
      return ApiResponse.ok(rows);
    }
    StringBuilder sb = new StringBuilder();
    if (request.flag("v")) {
      sb.append(String.join(" ", rows.isEmpty() ? List.of("health", "status", "index", "uuid", "pri", "rep", "docs.count",
          "docs.deleted", "store.size", "pri.store.size") : rows.get(0).keySet())).append('\n');
    }
    for (Map<String, Object> row : rows) {
      sb.append(String.join(" ", row.values().stream().map(String::valueOf).toList())).append('\n');
    }
    return ApiResponse.text(200, "text/plain", sb.toString());
  }
}
