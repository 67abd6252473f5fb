package org.cxrsearch.server.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cxrsearch.indexer.read.JsonLinesReader;
import org.cxrsearch.indexer.read.ReadOutcome;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.server.ServerContext;
import org.cxrsearch.server.http.ApiException;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.index.IndexDefinition;
import org.cxrsearch.server.index.ServedIndex;

/**
 * What the document and bulk APIs share: a request body becomes a report by the indexer's own
 * JSON-lines rules ({@link JsonLinesReader#fromJson}), with {@code _id} as the id; write results are
 * shaped as Elasticsearch's; writes to a missing index create it with the server's defaults (as
 * Elasticsearch's automatic index creation does); {@code refresh=true|wait_for} commits.
 */
final class Documents {

  private Documents() {}

  /**
   * The report of a document body.
   *
   * @throws ApiException 400 {@code document_parsing_exception} naming the field at fault
   */
  static ReportDocument report(JsonNode body, String id, String sourceText, ServedIndex index, String where) {
    if (!body.isObject()) {
      throw new ApiException(400, "document_parsing_exception", "[" + where + "] the document must be a JSON object");
    }
    if (body.has(index.vectorField())) {
      throw new ApiException(400, "document_parsing_exception", "[" + where + "] field [" + index.vectorField()
          + "] is computed by the index's model from the report text and cannot be given");
    }
    ObjectNode fields = ((ObjectNode) body).deepCopy();
    fields.put("id", id);
    ReadOutcome outcome = JsonLinesReader.fromJson(fields, sourceText, where, 0);
    return switch (outcome) {
      case ReadOutcome.Accepted a -> a.record().document();
      case ReadOutcome.Rejected r -> throw new ApiException(400, "document_parsing_exception", "[" + where + "] " + r.error().reason());
    };
  }

  /** Elasticsearch's auto-generated ids are 20 URL-safe characters. */
  static String newId() {
    UUID u = UUID.randomUUID();
    byte[] b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b).substring(0, 20);
  }

  /** The index to write to, created with the defaults if it does not exist. */
  static ServedIndex writable(ServerContext ctx, String name) throws IOException {
    if (ctx.indices().exists(name)) {
      return ctx.indices().get(name);
    }
    synchronized (ctx.indices()) {
      return ctx.indices().exists(name) ? ctx.indices().get(name) : ctx.indices().create(name, IndexDefinition.DEFAULTS);
    }
  }

  /** Whether the {@code refresh} parameter asks for the write to be visible (and, here, durable) on return. */
  static boolean refreshRequested(ApiRequest request) {
    String r = request.query("refresh", null);
    if (r == null || r.equals("false")) {
      return false;
    }
    if (r.isEmpty() || r.equals("true") || r.equals("wait_for")) {
      return true;
    }
    throw ApiException.illegalArgument("[refresh] must be true, false or wait_for, got [" + r + "]");
  }

  static Map<String, Object> writeResult(String index, String id, String result, long seqNo) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_index", index);
    m.put("_id", id);
    m.put("_version", 1);
    m.put("result", result);
    m.put("_shards", Shards.write());
    m.put("_seq_no", seqNo);
    m.put("_primary_term", 1);
    return m;
  }

  static Map<String, Object> itemError(String index, String id, int status, String type, String reason) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("reason", reason);
    error.put("index", index);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_index", index);
    m.put("_id", id);
    m.put("status", status);
    m.put("error", error);
    return m;
  }

  /** Optimistic-concurrency and versioning parameters, which cxrsearch does not implement. */
  static final java.util.List<String> CONCURRENCY_PARAMS = java.util.List.of("if_seq_no", "if_primary_term", "version", "version_type");

  /**
   * Refuses a write conditioned on a version: ignoring the condition would overwrite a document the
   * client meant to protect (a lost update), so it is a 400 naming the parameter.
   */
  static void refuseConditionalWrite(ApiRequest request) {
    for (String p : CONCURRENCY_PARAMS) {
      if (request.hasQuery(p)) {
        throw ApiException.unsupported(p + " (conditional writes; cxrsearch keeps no document versions)");
      }
    }
  }
}
