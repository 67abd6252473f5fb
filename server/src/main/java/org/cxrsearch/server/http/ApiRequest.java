package org.cxrsearch.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP request as handlers see it, independent of the HTTP library: method, decoded path, the
 * path parameters of the matched route, query parameters, headers and the (size-limited) body.
 *
 * @param method upper-case HTTP method
 * @param path the raw (percent-encoded) path, such as {@code /reports/_doc/RPT-1}; path parameters are decoded
 * @param pathParams values of the route's {@code {name}} segments
 * @param query query parameters; a parameter given twice keeps every value
 * @param headers header lookup by case-insensitive name, {@code null} when absent
 * @param body the request body, empty when there is none
 * @param requestId the id the access log and error bodies carry
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> pathParams,
    Map<String, List<String>> query,
    Function<String, String> headers,
    byte[] body,
    String requestId) {

  public ApiRequest {
    pathParams = Map.copyOf(pathParams);
    query = Map.copyOf(query);
    body = body == null ? new byte[0] : body;
  }

  /** A copy with the path parameters of the route that matched. */
  public ApiRequest withPathParams(Map<String, String> params) {
    return new ApiRequest(method, path, params, query, headers, body, requestId);
  }

  /** A copy with {@code newBody}. */
  public ApiRequest withBody(byte[] newBody) {
    return new ApiRequest(method, path, pathParams, query, headers, newBody, requestId);
  }

  /** The value of path parameter {@code name} (the route guarantees it is present). */
  public String param(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalStateException("the route has no path parameter {" + name + "}");
    }
    return v;
  }

  public String header(String name) {
    return headers.apply(name);
  }

  /** The last value of query parameter {@code name}, or {@code fallback}. */
  public String query(String name, String fallback) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? fallback : v.get(v.size() - 1);
  }

  public boolean hasQuery(String name) {
    return query.containsKey(name);
  }

  /**
   * Query parameter {@code name} as an int.
   *
   * @throws ApiException 400 naming the parameter if it is not an integer
   */
  public int intQuery(String name, int fallback) {
    String v = query(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.illegalArgument("query parameter [" + name + "] must be an integer, got [" + v + "]");
    }
  }

  /** An Elasticsearch boolean flag: present without value or {@code true} means true. */
  public boolean flag(String name) {
    String v = query(name, null);
    if (v == null) {
      return false;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "", "true" -> true;
      case "false" -> false;
      default -> throw ApiException.illegalArgument("query parameter [" + name + "] must be true or false, got [" + v + "]");
    };
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  /** The body as JSON; 400 naming the body when it is missing or malformed. */
  public JsonNode json() {
    if (body.length == 0) {
      throw ApiException.parsing("request body is required");
    }
    return Json.parse(body, 0, body.length, "request body");
  }

  /** The body as JSON, or an empty object when there is no body. */
  public JsonNode jsonOrEmpty() {
    return body.length == 0 ? Json.MAPPER.createObjectNode() : json();
  }

  /**
   * Whether the client prefers HTML to JSON: its {@code Accept} header names {@code text/html}
   * before any JSON type (browsers do; the Elasticsearch clients send
   * {@code application/vnd.elasticsearch+json} or {@code application/json}; curl sends {@code *}/{@code *}).
   */
  public boolean prefersHtml() {
    String accept = header("Accept");
    if (accept == null) {
      return false;
    }
    int html = accept.indexOf("text/html");
    int json = accept.indexOf("json");
    return html >= 0 && (json < 0 || html < json);
  }
}
