package org.cxrsearch.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves one {@link ApiRequest}, whatever the HTTP library: authentication, admission (429 when
 * overloaded), routing, and the mapping of every failure to an Elasticsearch-style error body. An
 * unexpected exception becomes a 500 whose body names the request id and the exception class only;
 * its stack trace goes to the log, never to the client.
 */
public final class Dispatcher {

  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

  /** Elasticsearch's clients refuse responses without this header (product check). */
  public static final String PRODUCT_HEADER = "X-Elastic-Product";

  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  private final Routes routes;
  private final ServerOptions options;
  private final Admission admission;
  private final java.util.function.Supplier<? extends AutoCloseable> requestScope;

  public Dispatcher(Routes routes, ServerOptions options) {
    this(routes, options, () -> () -> {});
  }

  /**
   * @param requestScope opens, for each admitted request, a scope closed once its answer is built
   *     (the server's scope holds the indexes the request uses, so that a delete cannot close them under it)
   */
  public Dispatcher(Routes routes, ServerOptions options, java.util.function.Supplier<? extends AutoCloseable> requestScope) {
    this.routes = routes;
    this.options = options;
    this.requestScope = requestScope;
    Limits l = options.limits();
    this.admission = new Admission(l.maxConcurrent(), l.maxQueued(), l.queueWait());
  }

  public ServerOptions options() {
    return options;
  }

  /**
   * Serves {@code request}, whose body is read from {@code body} only once the request is admitted:
   * a request refused by authentication, routing or admission (429) never has its body read, so
   * overload cannot fill the heap with bodies that are about to be refused.
   *
   * @param request the request with an empty body
   * @param body reads the body (size-limited; 413 beyond the limit)
   */
  public ApiResponse dispatch(ApiRequest request, Body body) {
    ApiResponse response;
    try {
      response = serve(request, body);
    } catch (ApiException e) {
      response = ErrorBody.response(e, request.requestId());
      if (e.status() == 401) {
        response = response.withHeader("WWW-Authenticate", "ApiKey, Bearer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response = ErrorBody.response(new ApiException(503, "node_closed_exception", "the server is shutting down"), request.requestId());
    } catch (Exception | StackOverflowError e) {
      LOG.log(System.Logger.Level.ERROR, "request " + request.requestId() + " " + request.method() + " " + request.path() + " failed", e);
      response = ErrorBody.response(new ApiException(500, "exception",
          "internal error (" + e.getClass().getSimpleName() + "); see the server log for request " + request.requestId()), request.requestId());
    }
    return decorate(request, response);
  }

  /** Reads a request's body; called at most once, by the thread serving the request. */
  @FunctionalInterface
  public interface Body {
    byte[] read();
  }

  private ApiResponse serve(ApiRequest request, Body body) throws Exception {
    boolean keyed = !options.apiKeys().enabled() || options.apiKeys().accepts(request.header("Authorization"));
    Routes.Match match = keyed ? null : openRoute(request);
    if (!keyed && match == null) {
      throw new ApiException(401, "security_exception",
          "missing or wrong API key for [" + request.method() + " " + request.path() + "]: send Authorization: ApiKey <key> or Bearer <key>");
    }
    String origin = request.header("Origin");
    if (request.method().equals("OPTIONS") && origin != null && options.corsOrigins().contains(origin)) {
      return ApiResponse.status(204) // a CORS preflight from a configured origin
          .withHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE")
          .withHeader("Access-Control-Allow-Headers", "Authorization, Content-Type")
          .withHeader("Access-Control-Max-Age", "600");
    }
    if (match == null) {
      match = routes.find(request.method(), request.path(), request.prefersHtml());
    }
    if (!admission.tryEnter()) {
      throw new ApiException(429, "es_rejected_execution_exception",
          "rejected execution: the server is at its limit of " + options.limits().maxConcurrent() + " running and "
              + options.limits().maxQueued() + " queued requests; retry later");
    }
    try (AutoCloseable scope = requestScope.get()) {
      return match.route().handler().handle(request.withBody(body.read()).withPathParams(match.params()));
    } finally {
      admission.release();
    }
  }

  /**
   * The route of a request without a valid key when that route is {@linkplain Routes.Route#open open},
   * else {@code null}. A path no route has answers 401 too, not 400/405, so that a caller without a key
   * learns nothing about the routes.
   */
  private Routes.Match openRoute(ApiRequest request) {
    try {
      Routes.Match match = routes.find(request.method(), request.path(), request.prefersHtml());
      return match.route().open() ? match : null;
    } catch (ApiException e) {
      return null;
    }
  }

  /** Product and request-id headers on every answer; CORS headers only for a configured origin. */
  private ApiResponse decorate(ApiRequest request, ApiResponse response) {
    Map<String, String> h = new LinkedHashMap<>(response.headers());
    h.put(PRODUCT_HEADER, "Elasticsearch");
    h.put(REQUEST_ID_HEADER, request.requestId());
    String origin = request.header("Origin");
    if (origin != null && options.corsOrigins().contains(origin)) {
      h.put("Access-Control-Allow-Origin", origin);
      h.put("Vary", "Origin");
    }
    return new ApiResponse(response.status(), response.contentType(), response.body(), h);
  }
}
