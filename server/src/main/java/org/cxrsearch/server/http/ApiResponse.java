package org.cxrsearch.server.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: status, content type, body bytes and extra headers. Immutable; the
 * {@code with*} methods return copies.
 */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

  public static final String JSON = "application/json";

  public ApiResponse {
    body = body == null ? new byte[0] : body;
    headers = Map.copyOf(headers);
  }

  /** {@code value} (a map, list, record or JsonNode) serialised by Jackson. */
  public static ApiResponse json(int status, Object value) {
    return new ApiResponse(status, JSON, Json.bytes(value), Map.of());
  }

  public static ApiResponse ok(Object value) {
    return json(200, value);
  }

  /** A status without a body (HEAD answers). */
  public static ApiResponse status(int status) {
    return new ApiResponse(status, null, new byte[0], Map.of());
  }

  public static ApiResponse text(int status, String contentType, String body) {
    return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static ApiResponse bytes(int status, String contentType, byte[] body) {
    return new ApiResponse(status, contentType, body, Map.of());
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiResponse(status, contentType, body, h);
  }
}
