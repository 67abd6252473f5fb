package org.cxrsearch.server.es;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.searcher.search.RadiologyLayer;
import org.cxrsearch.searcher.search.SimilarSearch;
import org.cxrsearch.server.ServerContext;
import org.cxrsearch.server.http.ApiException;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.http.ApiResponse;
import org.cxrsearch.server.http.Routes;
import org.cxrsearch.server.index.ServedIndex;

/**
 * cxrsearch's own endpoints, under {@code _cxr}:
 *
 * <ul>
 *   <li>{@code GET /{index}/_cxr/similar/{id}?k=10&filter=FIELD=VALUE&radiology=auto&explain=false}: the
 *       reports most similar to report {@code id}, itself excluded, by the flow {@code cxrsearch similar}
 *       runs ({@link SimilarSearch}): vector neighbours, and with the radiology layer (on when the index
 *       has it, or as {@code radiology} says) the agreement of their finding states; hits shaped as a
 *       search's, with {@code explain} their parts and shared / conflicting findings under {@code _cxr}.
 *   <li>{@code GET /{index}/_cxr/stats}: the recorded model (name, fingerprint, dimensions, source,
 *       instructions), quantization, HNSW parameters, documents and size.
 * </ul>
 */
public final class CxrApi {

  private final ServerContext ctx;

  public CxrApi(ServerContext ctx) {
    this.ctx = ctx;
  }

  public void register(Routes routes) {
    routes.get("/{index}/_cxr/similar/{id}", this::similar).get("/{index}/_cxr/stats", this::stats);
  }

  private ApiResponse similar(ApiRequest request) throws IOException {
    long start = System.nanoTime();
    ServedIndex index = ctx.indices().get(request.param("index"));
    int k = request.intQuery("k", 10);
    if (k < 1 || k > ctx.options().limits().maxResultWindow()) {
      throw ApiException.illegalArgument("[k] must be in [1, " + ctx.options().limits().maxResultWindow() + "], got " + k);
    }
    List<FieldFilter> filters = new ArrayList<>();
    for (String f : request.query().getOrDefault("filter", List.of())) {
      try {
        filters.add(FieldFilter.parse(f));
      } catch (IllegalArgumentException e) {
        throw ApiException.illegalArgument("[filter] " + e.getMessage());
      }
    }
    RadiologyLayer layer = layer(request.query("radiology", "auto"));
    boolean explain = request.flag("explain");
    String id = request.param("id");
    index.refreshIfDirty();
    if (index.index().vector(id).isEmpty()) {
      throw new ApiException(404, "resource_not_found_exception", "no report [" + id + "] in index [" + index.name() + "]");
    }
    SimilarSearch.Result result;
    try {
      result = SimilarSearch.open(index.index(), layer).similar(id, k, filters);
    } catch (IllegalArgumentException e) {
      throw ApiException.illegalArgument(e.getMessage());
    }
    // The flow is one kNN and at most one BM25 query of k hits, not interruptible from here: the
    // server's limit is checked when it returns, with _search's status and error.
    Duration limit = ctx.options().limits().searchTimeout();
    if (System.nanoTime() - start > limit.toNanos()) {
      throw new ApiException(504, "search_timeout_exception", "the similar-cases search took longer than the server's limit of "
          + limit.toMillis() + " ms; lower k, or raise --search-timeout");
    }
    List<Object> out = new ArrayList<>();
    for (SearchHit h : result.hits()) {
      Map<String, Object> hit = new LinkedHashMap<>();
      hit.put("_index", index.name());
      hit.put("_id", h.id());
      hit.put("_score", h.score());
      hit.put("_source", Sources.of(h.report()));
      if (explain) {
        hit.put("_cxr", explanation(h, result.explanations().get(h.id())));
      }
      out.add(hit);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("took", (System.nanoTime() - start) / 1_000_000);
    body.put("timed_out", false);
    body.put("hits", Map.of("total", Map.of("value", out.size(), "relation", "eq"), "hits", out));
    return ApiResponse.ok(body);
  }

  /** {@code radiology=on|off|auto}, as {@code cxrsearch similar --radiology}. */
  private static RadiologyLayer layer(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "on" -> RadiologyLayer.ON;
      case "off" -> RadiologyLayer.OFF;
      case "auto" -> RadiologyLayer.AUTO;
      default -> throw ApiException.illegalArgument("query parameter [radiology] must be on, off or auto, got [" + value + "]");
    };
  }

  /** How a hit scored, as {@code cxrsearch similar --explain --json} shows it. */
  private static Map<String, Object> explanation(SearchHit h, String findings) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("method", h.method());
    e.put("parts", h.parts()); // a record: Jackson writes part, score, rank, contribution, as the CLI's --json
    e.put("text", h.explain());
    if (findings != null) {
      e.put("radiology", findings);
    }
    return e;
  }

  private ApiResponse stats(ApiRequest request) throws IOException {
    ServedIndex index = ctx.indices().get(request.param("index"));
    var meta = index.metadata();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", meta.encoder().name());
    model.put("fingerprint", meta.encoder().fingerprint());
    model.put("dimensions", meta.dimensions());
    model.put("source", meta.modelSpec());
    model.put("document_instruction", meta.documentInstruction());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("index", index.name());
    body.put("model", model);
    body.put("quantization", meta.quantization().name().toLowerCase(java.util.Locale.ROOT));
    body.put("hnsw", Map.of("m", index.hnsw().maxConn(), "ef_construction", index.hnsw().beamWidth()));
    body.put("vector_field", index.vectorField());
    body.put("docs", index.index().numDocs());
    body.put("size_in_bytes", index.index().sizeOnDisk());
    return ApiResponse.ok(body);
  }
}
