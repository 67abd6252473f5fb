package org.cxrsearch.server.es;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.search.SearchHit;
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
 *   <li>{@code GET /{index}/_cxr/similar/{id}?k=10&filter=FIELD=VALUE}: the reports nearest to report
 *       {@code id} by its stored vector, itself excluded ({@code ReportSearcher.similar}, as
 *       {@code cxrsearch similar}); hits shaped as a search's.
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
    String id = request.param("id");
    index.refreshIfDirty();
    if (index.index().vector(id).isEmpty()) {
      throw new ApiException(404, "resource_not_found_exception", "no report [" + id + "] in index [" + index.name() + "]");
    }
    List<SearchHit> hits;
    try {
      hits = index.searcher().similar(id, k, filters);
    } catch (IllegalArgumentException e) {
      throw ApiException.illegalArgument(e.getMessage());
    }
    List<Object> out = new ArrayList<>();
    for (SearchHit h : hits) {
      Map<String, Object> hit = new LinkedHashMap<>();
      hit.put("_index", index.name());
      hit.put("_id", h.id());
      hit.put("_score", h.score());
      hit.put("_source", Sources.of(h.report()));
      out.add(hit);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("took", (System.nanoTime() - start) / 1_000_000);
    body.put("timed_out", false);
    body.put("hits", Map.of("total", Map.of("value", hits.size(), "relation", "eq"), "hits", out));
    return ApiResponse.ok(body);
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
