package org.cxrsearch.server.es;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.server.ServerContext;
import org.cxrsearch.server.http.ApiException;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.http.ApiResponse;
import org.cxrsearch.server.http.Routes;
import org.cxrsearch.server.index.ServedIndex;

/** Single-document APIs: index ({@code _doc}, {@code _create}), get, exists, delete, {@code _source}. */
public final class DocumentApi {

  private final ServerContext ctx;

  public DocumentApi(ServerContext ctx) {
    this.ctx = ctx;
  }

  public void register(Routes routes) {
    routes.put("/{index}/_doc/{id}", r -> index(r, r.param("id"), "create".equals(r.query("op_type", "index"))))
        .post("/{index}/_doc/{id}", r -> index(r, r.param("id"), "create".equals(r.query("op_type", "index"))))
        .post("/{index}/_doc", r -> index(r, Documents.newId(), true))
        .put("/{index}/_create/{id}", r -> index(r, r.param("id"), true))
        .post("/{index}/_create/{id}", r -> index(r, r.param("id"), true))
        .get("/{index}/_doc/{id}", this::get)
        .head("/{index}/_doc/{id}", r -> ApiResponse.status(find(r).isPresent() ? 200 : 404))
        .get("/{index}/_source/{id}", this::source)
        .delete("/{index}/_doc/{id}", this::delete);
  }

  private ApiResponse index(ApiRequest request, String id, boolean create) throws IOException {
    Documents.refuseConditionalWrite(request);
    String name = request.param("index");
    ServedIndex index = Documents.writable(ctx, name);
    ReportDocument report = Documents.report(request.json(), id, new String(request.body(), StandardCharsets.UTF_8), index, "document [" + id + "]");
    boolean existed = index.exists(id);
    if (create && existed) {
      throw new ApiException(409, "version_conflict_engine_exception", "[" + id + "]: version conflict, document already exists",
          Map.of("index", name), null);
    }
    ServedIndex.WriteOutcome outcome = index.upsert(List.of(report)).get(0);
    if (outcome instanceof ServedIndex.WriteOutcome.Refused refused) {
      throw new ApiException(400, "document_parsing_exception", "[document " + id + "] " + refused.reason());
    }
    if (Documents.refreshRequested(request)) {
      index.flush();
    }
    long seqNo = ((ServedIndex.WriteOutcome.Written) outcome).seqNo();
    return ApiResponse.json(existed ? 200 : 201, Documents.writeResult(name, id, existed ? "updated" : "created", seqNo));
  }

  private Optional<ReportDocument> find(ApiRequest request) throws IOException {
    ServedIndex index = ctx.indices().get(request.param("index"));
    return index.realtimeGet(request.param("id"));
  }

  private ApiResponse get(ApiRequest request) throws IOException {
    String name = request.param("index");
    String id = request.param("id");
    Optional<ReportDocument> doc = find(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("_index", name);
    body.put("_id", id);
    if (doc.isEmpty()) {
      body.put("found", false);
      return ApiResponse.json(404, body);
    }
    body.put("_version", 1);
    body.put("_seq_no", 0);
    body.put("_primary_term", 1);
    body.put("found", true);
    var source = SourceFilter.fromParams(request.query("_source", null), request.query("_source_includes", null),
        request.query("_source_excludes", null)).apply(Sources.of(doc.get()));
    if (source != null) {
      body.put("_source", source);
    }
    return ApiResponse.ok(body);
  }

  private ApiResponse source(ApiRequest request) throws IOException {
    ReportDocument doc = find(request).orElseThrow(() -> new ApiException(404, "resource_not_found_exception",
        "Document not found [" + request.param("index") + "]/[" + request.param("id") + "]"));
    return ApiResponse.ok(Sources.of(doc));
  }

  private ApiResponse delete(ApiRequest request) throws IOException {
    String name = request.param("index");
    Documents.refuseConditionalWrite(request);
    String id = request.param("id");
    ServedIndex index = ctx.indices().get(name);
    boolean found = index.exists(id);
    long seqNo = index.delete(id);
    if (Documents.refreshRequested(request)) {
      index.flush();
    }
    return ApiResponse.json(found ? 200 : 404, Documents.writeResult(name, id, found ? "deleted" : "not_found", seqNo));
  }
}
