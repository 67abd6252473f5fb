package org.cxrsearch.server.http;

/** Serves the requests of one route. Throws {@link ApiException} for client errors. */
@FunctionalInterface
public interface RouteHandler {
  ApiResponse handle(ApiRequest request) throws Exception;
}
