package org.cxrsearch.server.http;

import java.util.Map;

/**
 * A request that cannot be served, as Elasticsearch reports it: an HTTP status, an error
 * {@code type} (Elasticsearch's exception name, such as {@code parsing_exception}) and a
 * {@code reason} naming the request part at fault. {@link ErrorBody} turns it into the JSON body.
 * Handlers throw it; the dispatcher never lets another exception's stack trace reach a client.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String type;
  private final Map<String, Object> extra;

  public ApiException(int status, String type, String reason) {
    this(status, type, reason, Map.of(), null);
  }

  public ApiException(int status, String type, String reason, Map<String, Object> extra, Throwable cause) {
    super(reason, cause);
    this.status = status;
    this.type = type;
    this.extra = Map.copyOf(extra);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String reason() {
    return getMessage();
  }

  /** Fields Elasticsearch adds next to {@code type} and {@code reason}, such as {@code index}. */
  public Map<String, Object> extra() {
    return extra;
  }

  /** 400 {@code illegal_argument_exception}: a parameter or body value is invalid. */
  public static ApiException illegalArgument(String reason) {
    return new ApiException(400, "illegal_argument_exception", reason);
  }

  /** 400 {@code parsing_exception}: the body is not the JSON the endpoint expects. */
  public static ApiException parsing(String reason) {
    return new ApiException(400, "parsing_exception", reason);
  }

  /** 400 {@code x_content_parse_exception}: the body is not JSON at all. */
  public static ApiException notJson(String reason, Throwable cause) {
    return new ApiException(400, "x_content_parse_exception", reason, Map.of(), cause);
  }

  /** 400 naming a feature of the Elasticsearch API this server does not implement. */
  public static ApiException unsupported(String what) {
    return new ApiException(400, "illegal_argument_exception", "[" + what + "] is not supported by cxrsearch");
  }

  /** 404 {@code index_not_found_exception}. */
  public static ApiException indexNotFound(String index) {
    return new ApiException(404, "index_not_found_exception", "no such index [" + index + "]",
        Map.of("index", index, "resource.type", "index_or_alias", "resource.id", index), null);
  }
}
