package org.cxrsearch.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.cxrsearch.onnx.bundle.Digests;
import org.cxrsearch.server.http.ApiException;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.http.ApiResponse;
import org.cxrsearch.server.http.Routes;

/**
 * The clinician's search page: {@code GET /} for browsers and its assets under
 * {@code /_cxr/web/{file}}, served from the jar's {@code web/} resources (plain HTML, CSS and
 * JavaScript; no CDN, no build step). The page itself talks to the Elasticsearch-compatible API.
 *
 * <p>Only the files listed in {@link #ASSETS} are served, read once at construction. Responses
 * carry an ETag (revalidated, so a new jar is picked up at once) and a Content-Security-Policy that
 * allows this origin only: the page cannot load or send anything elsewhere.
 */
public final class WebPage {

  /** The files served, with their media types. */
  static final Map<String, String> ASSETS = Map.of(
      "index.html", "text/html; charset=utf-8",
      "app.js", "text/javascript; charset=utf-8",
      "app.css", "text/css; charset=utf-8",
      "favicon.svg", "image/svg+xml");

  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private record Asset(String contentType, byte[] bytes, String etag) {}

  private final Map<String, Asset> assets;

  public WebPage() {
    Map<String, Asset> loaded = new java.util.HashMap<>();
    ASSETS.forEach((name, type) -> {
      byte[] bytes = read(name);
      loaded.put(name, new Asset(type, bytes, '"' + sha256(bytes).substring(0, 16) + '"'));
    });
    this.assets = Map.copyOf(loaded);
  }

  /**
   * {@code GET /} for browsers (the JSON cluster info stays the answer for every other client) and
   * the assets. Both are open routes, served without an API key: a browser cannot attach one to the
   * requests that load a page and its scripts, and these files hold no data. The page sends the key
   * the user enters with each API call it makes.
   */
  public void register(Routes routes) {
    routes.getOpen("/", true, r -> serve("index.html", r)).getOpen("/_cxr/web/{file}", false, r -> serve(r.param("file"), r));
  }

  ApiResponse serve(String name, ApiRequest request) {
    Asset asset = assets.get(name);
    if (asset == null) {
      throw new ApiException(404, "resource_not_found_exception", "no web asset [" + name + "]; the page serves "
          + new java.util.TreeSet<>(assets.keySet()));
    }
    ApiResponse response = asset.etag().equals(request.header("If-None-Match"))
        ? ApiResponse.status(304)
        : ApiResponse.bytes(200, asset.contentType(), asset.bytes());
    return response.withHeader("ETag", asset.etag())
        .withHeader("Cache-Control", "no-cache")
        .withHeader("Content-Security-Policy", CSP)
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("Referrer-Policy", "no-referrer");
  }

  private static byte[] read(String name) {
    try (InputStream in = WebPage.class.getResourceAsStream("/web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("web asset /web/" + name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read web asset /web/" + name, e);
    }
  }

  private static String sha256(byte[] bytes) {
    return Digests.hex(Digests.sha256().digest(bytes));
  }
}
