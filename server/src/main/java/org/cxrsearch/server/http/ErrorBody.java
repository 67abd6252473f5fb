package org.cxrsearch.server.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch's error body:
 *
 * <pre>{"error": {"root_cause": [{"type": ..., "reason": ...}], "type": ..., "reason": ...}, "status": 400}</pre>
 *
 * plus {@code request_id} inside {@code error} so that a client's report can be matched with the
 * access log line of the same request.
 */
public final class ErrorBody {

  private ErrorBody() {}

  public static Map<String, Object> of(ApiException e, String requestId) {
    Map<String, Object> cause = new LinkedHashMap<>();
    cause.put("type", e.type());
    cause.put("reason", e.reason());
    cause.putAll(e.extra());
    Map<String, Object> error = new LinkedHashMap<>(cause);
    error.put("root_cause", List.of(cause));
    if (requestId != null) {
      error.put("request_id", requestId);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("status", e.status());
    return body;
  }

  /** The response carrying {@code e}. */
  public static ApiResponse response(ApiException e, String requestId) {
    return ApiResponse.json(e.status(), of(e, requestId));
  }
}
