package org.cxrsearch.server.es;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.server.ServerContext;
import org.cxrsearch.server.http.ApiException;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.http.ApiResponse;
import org.cxrsearch.server.http.Json;
import org.cxrsearch.server.http.Routes;
import org.cxrsearch.server.index.IndexNames;
import org.cxrsearch.server.index.ServedIndex;

/**
 * {@code POST /_bulk} and {@code /{index}/_bulk}: NDJSON action/document pairs, answered item by
 * item as Elasticsearch does ({@code errors} true when any item failed; each item has its status and,
 * on failure, an error naming the line). Consecutive {@code index}/{@code create} documents of an
 * index are embedded together, so the encoder gets length-sorted batches as in {@code cxrsearch
 * index}; a {@code delete} of a pending id writes what is pending first, so items apply in order.
 * {@code update} is refused per item. {@code refresh=true|wait_for} commits before answering: the
 * acknowledged items then survive a crash.
 */
public final class BulkApi {

  private final ServerContext ctx;

  public BulkApi(ServerContext ctx) {
    this.ctx = ctx;
  }

  public void register(Routes routes) {
    routes.post("/_bulk", this::bulk).put("/_bulk", this::bulk).post("/{index}/_bulk", this::bulk).put("/{index}/_bulk", this::bulk);
  }

  /** One accepted document waiting to be embedded and written. */
  private record Pending(int item, ServedIndex index, ReportDocument report, String op) {}

  private final class Run {
    final List<Map<String, Object>> items = new ArrayList<>();
    final List<Pending> pending = new ArrayList<>();
    final Set<String> pendingIds = new HashSet<>();
    final Set<String> writtenIds = new HashSet<>(); // index|id written by this request, for created vs updated
    final Set<String> deletedIds = new HashSet<>(); // index|id deleted by this request
    final Set<ServedIndex> refreshed = new HashSet<>();
    final Set<ServedIndex> touched = new LinkedHashSet<>();
    boolean errors;

    int reserve(String op) {
      items.add(null);
      return items.size() - 1;
    }

    void set(int item, String op, Map<String, Object> result) {
      Map<String, Object> wrapper = new LinkedHashMap<>();
      wrapper.put(op, result);
      items.set(item, wrapper);
      if (result.containsKey("error")) {
        errors = true;
      }
    }

    /**
     * Whether {@code id} exists before the next write: this request's own writes first, else the
     * index read in real time (refreshed once per request, so writes of earlier unrefreshed requests
     * count, as Elasticsearch's real-time get does).
     */
    boolean exists(ServedIndex index, String id) throws IOException {
      String key = index.name() + "|" + id;
      if (writtenIds.contains(key)) {
        return true;
      }
      if (deletedIds.contains(key)) {
        return false;
      }
      if (refreshed.add(index)) {
        index.refreshIfDirty();
      }
      return index.index().contentHash(id).isPresent();
    }

    void fail(int item, String op, String index, String id, int status, String type, String reason) {
      set(item, op, Documents.itemError(index, id, status, type, reason));
    }

    /** Embeds and writes the pending documents, one embedding call per index. */
    void flushPending() throws IOException {
      Map<ServedIndex, List<Pending>> byIndex = new LinkedHashMap<>();
      pending.forEach(p -> byIndex.computeIfAbsent(p.index(), k -> new ArrayList<>()).add(p));
      for (var e : byIndex.entrySet()) {
        ServedIndex index = e.getKey();
        List<Pending> ps = e.getValue();
        boolean[] existed = new boolean[ps.size()]; // looked up before the write, which a concurrent refresh could expose
        for (int i = 0; i < ps.size(); i++) {
          existed[i] = exists(index, ps.get(i).report().id());
        }
        List<ServedIndex.WriteOutcome> outcomes = index.upsert(ps.stream().map(Pending::report).toList());
        for (int i = 0; i < ps.size(); i++) {
          Pending p = ps.get(i);
          String key = index.name() + "|" + p.report().id();
          switch (outcomes.get(i)) {
            case ServedIndex.WriteOutcome.Written w -> {
              boolean updated = existed[i] || writtenIds.contains(key); // or an earlier item of this batch wrote it
              writtenIds.add(key);
              Map<String, Object> r = Documents.writeResult(index.name(), p.report().id(), updated ? "updated" : "created", w.seqNo());
              r.put("status", updated ? 200 : 201);
              set(p.item(), p.op(), r);
            }
            case ServedIndex.WriteOutcome.Refused f ->
                fail(p.item(), p.op(), index.name(), p.report().id(), 400, "document_parsing_exception", f.reason());
          }
        }
        touched.add(index);
      }
      pending.clear();
      pendingIds.clear();
    }
  }

  ApiResponse bulk(ApiRequest request) throws IOException {
    long start = System.nanoTime();
    String defaultIndex = request.pathParams().get("index");
    byte[] body = request.body();
    List<int[]> lines = lines(body);
    if (lines.isEmpty()) {
      throw ApiException.parsing("request body is required: NDJSON action and document lines");
    }
    if (lines.size() > ctx.options().limits().maxBulkLines()) {
      throw new ApiException(413, "content_too_long_exception", "bulk request has " + lines.size() + " lines; the limit is "
          + ctx.options().limits().maxBulkLines() + ": split it into smaller requests");
    }
    boolean refresh = Documents.refreshRequested(request);
    Run run = new Run();
    for (int li = 0; li < lines.size(); li++) {
      int lineNo = li + 1;
      JsonNode action = Json.parse(body, lines.get(li)[0], lines.get(li)[1], "bulk line " + lineNo);
      if (!action.isObject() || action.size() != 1) {
        throw ApiException.illegalArgument("bulk line " + lineNo + ": expected an action object with one key (index, create, delete, update)");
      }
      String op = action.fieldNames().next();
      JsonNode meta = action.get(op);
      String indexName = meta.path("_index").asText(defaultIndex);
      String id = meta.hasNonNull("_id") ? meta.get("_id").asText() : null;
      boolean hasSource = !op.equals("delete");
      int[] docLine = null;
      if (hasSource) {
        if (li + 1 >= lines.size()) {
          throw ApiException.illegalArgument("bulk line " + lineNo + ": the [" + op + "] action has no document line after it");
        }
        docLine = lines.get(++li);
      }
      int item = run.reserve(op);
      String condition = Documents.CONCURRENCY_PARAMS.stream().filter(meta::has).findFirst().orElse(null);
      if (condition != null) { // ignoring it would overwrite what the client meant to protect
        run.fail(item, op, indexName, id, 400, "illegal_argument_exception",
            "bulk line " + lineNo + ": [" + condition + "] is not supported by cxrsearch (conditional writes; no document versions)");
        continue;
      }
      if (indexName == null) {
        run.fail(item, op, null, id, 400, "action_request_validation_exception", "bulk line " + lineNo + ": index is missing");
        continue;
      }
      try {
        switch (op) {
          case "index", "create" -> {
            ServedIndex index = Documents.writable(ctx, IndexNames.validate(indexName));
            String docId = id != null ? id : Documents.newId();
            String where = "bulk line " + (lineNo + 1);
            JsonNode doc = Json.parse(body, docLine[0], docLine[1], where);
            ReportDocument report = Documents.report(doc, docId, new String(body, docLine[0], docLine[1], StandardCharsets.UTF_8), index, where);
            String key = index.name() + "|" + docId;
            if (op.equals("create") && (run.pendingIds.contains(key) || run.exists(index, docId))) {
              run.fail(item, op, indexName, docId, 409, "version_conflict_engine_exception",
                  "[" + docId + "]: version conflict, document already exists");
              continue;
            }
            run.pending.add(new Pending(item, index, report, op));
            run.pendingIds.add(key);
          }
          case "delete" -> {
            if (id == null) {
              run.fail(item, op, indexName, null, 400, "action_request_validation_exception", "bulk line " + lineNo + ": id is missing");
              continue;
            }
            ServedIndex index = ctx.indices().get(indexName);
            if (run.pendingIds.contains(index.name() + "|" + id)) {
              run.flushPending(); // the delete applies after the pending write of the same id
            }
            boolean found = run.exists(index, id);
            long seqNo = index.delete(id);
            run.writtenIds.remove(index.name() + "|" + id);
            run.deletedIds.add(index.name() + "|" + id);
            run.touched.add(index);
            Map<String, Object> r = Documents.writeResult(indexName, id, found ? "deleted" : "not_found", seqNo);
            r.put("status", found ? 200 : 404);
            run.set(item, op, r);
          }
          case "update" -> run.fail(item, op, indexName, id, 400, "illegal_argument_exception",
              "bulk line " + lineNo + ": [update] is not supported by cxrsearch; send the whole document with [index]");
          default -> run.fail(item, op, indexName, id, 400, "illegal_argument_exception",
              "bulk line " + lineNo + ": unknown action [" + op + "]");
        }
      } catch (ApiException e) {
        run.fail(item, op, indexName, id, e.status(), e.type(), e.reason());
      }
    }
    run.flushPending();
    if (refresh) {
      for (ServedIndex idx : run.touched) {
        idx.flush();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("errors", run.errors);
    out.put("took", (System.nanoTime() - start) / 1_000_000);
    out.put("items", run.items);
    return ApiResponse.ok(out);
  }

  /** Start and length of each non-blank line. */
  private static List<int[]> lines(byte[] body) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        int end = i;
        if (end > start && body[end - 1] == '\r') {
          end--;
        }
        boolean blank = true;
        for (int j = start; j < end && blank; j++) {
          blank = Character.isWhitespace(body[j]);
        }
        if (!blank) {
          out.add(new int[] {start, end - start});
        }
        start = i + 1;
      }
    }
    return out;
  }
}
