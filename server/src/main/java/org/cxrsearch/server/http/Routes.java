package org.cxrsearch.server.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routing table: HTTP method + path pattern (+ the media type it produces) → handler. Built once
 * at start-up, read-only afterwards.
 *
 * <p>Patterns are {@code /}-separated segments, literal or {@code {name}} (one whole segment). When
 * several patterns match, the one with more literal segments wins earlier (so {@code /_bulk} beats
 * {@code /{index}}), and segment by segment a literal beats a parameter. Two routes may share
 * method and pattern when one produces {@code text/html}: a browser ({@link ApiRequest#prefersHtml})
 * gets that one, every other client the JSON one (this is how {@code GET /} is both Elasticsearch's
 * cluster info and the web page).
 *
 * <p>A route is {@linkplain Route#open open} when it serves static content that holds no data (the
 * web page and its assets): the {@link Dispatcher} serves it without an API key, since a browser
 * cannot attach one to the requests that load a page. Every other route requires the key.
 */
public final class Routes {

  /**
   * One entry of the table.
   *
   * @param open served without an API key (static content, no data)
   */
  public record Route(String method, List<String> segments, boolean html, boolean open, RouteHandler handler) {

    /** Path parameters when this route's pattern matches {@code path}, else empty. */
    Optional<Map<String, String>> match(List<String> path) {
      if (path.size() != segments.size()) {
        return Optional.empty();
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < segments.size(); i++) {
        String s = segments.get(i);
        if (isParam(s)) {
          params.put(s.substring(1, s.length() - 1), path.get(i));
        } else if (!s.equals(path.get(i))) {
          return Optional.empty();
        }
      }
      return Optional.of(params);
    }

    /** Orders more specific patterns first: literal segments beat parameters, left to right. */
    int compareSpecificity(Route o) {
      for (int i = 0; i < Math.min(segments.size(), o.segments.size()); i++) {
        boolean a = isParam(segments.get(i));
        boolean b = isParam(o.segments.get(i));
        if (a != b) {
          return a ? 1 : -1;
        }
      }
      return 0;
    }
  }

  /** The route that serves a request, with its path parameters. */
  public record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  public Routes get(String pattern, RouteHandler h) {
    return add("GET", pattern, false, h);
  }

  public Routes head(String pattern, RouteHandler h) {
    return add("HEAD", pattern, false, h);
  }

  public Routes put(String pattern, RouteHandler h) {
    return add("PUT", pattern, false, h);
  }

  public Routes post(String pattern, RouteHandler h) {
    return add("POST", pattern, false, h);
  }

  public Routes delete(String pattern, RouteHandler h) {
    return add("DELETE", pattern, false, h);
  }

  /** GET and POST (Elasticsearch accepts both for searches and counts). */
  public Routes getOrPost(String pattern, RouteHandler h) {
    return get(pattern, h).post(pattern, h);
  }

  /** A GET route for browsers: chosen over a JSON route of the same pattern when the client prefers HTML. */
  public Routes getHtml(String pattern, RouteHandler h) {
    return add("GET", pattern, true, h);
  }

  /**
   * A GET route for static content that holds no data, served without an API key ({@link Route#open}).
   * {@code html}: as {@link #getHtml}, chosen for browsers over a JSON route of the same pattern.
   */
  public Routes getOpen(String pattern, boolean html, RouteHandler h) {
    return add("GET", pattern, html, true, h);
  }

  public Routes add(String method, String pattern, boolean html, RouteHandler h) {
    return add(method, pattern, html, false, h);
  }

  private Routes add(String method, String pattern, boolean html, boolean open, RouteHandler h) {
    List<String> segments = split(pattern);
    for (Route r : routes) {
      if (r.method.equals(method) && r.segments.equals(segments) && r.html == html) {
        throw new IllegalStateException("route " + method + " " + pattern + " is defined twice");
      }
    }
    routes.add(new Route(method, segments, html, open, h));
    return this;
  }

  /**
   * The route for {@code method} and {@code path} (raw, percent-encoded).
   *
   * @throws ApiException 405 when the path exists for other methods only, 400 when no route has it
   *     (Elasticsearch's answers)
   */
  public Match find(String method, String path, boolean prefersHtml) {
    List<String> parts = split(path);
    Match best = null;
    Set<String> allowed = new TreeSet<>();
    for (Route r : routes) {
      Optional<Map<String, String>> params = r.match(parts);
      if (params.isEmpty()) {
        continue;
      }
      if (!r.method.equals(method)) {
        allowed.add(r.method);
        continue;
      }
      if (best == null || better(r, best.route(), prefersHtml)) {
        best = new Match(r, params.get());
      }
    }
    if (best != null) {
      return best;
    }
    if (!allowed.isEmpty()) {
      throw new ApiException(405, "method_not_allowed",
          "Incorrect HTTP method for uri [" + path + "] and method [" + method + "], allowed: " + allowed);
    }
    throw new ApiException(400, "no_handler_found_exception", "no handler found for uri [" + path + "] and method [" + method + "]");
  }

  private static boolean better(Route candidate, Route current, boolean prefersHtml) {
    int c = candidate.compareSpecificity(current);
    if (c != 0) {
      return c < 0;
    }
    return candidate.html == prefersHtml && current.html != prefersHtml;
  }

  private static boolean isParam(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  /**
   * The segments of a raw (still percent-encoded) path, each decoded on its own, so that an id
   * containing {@code %2F} stays one segment.
   */
  private static List<String> split(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(decode(s));
      }
    }
    return out;
  }

  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.illegalArgument("path segment [" + segment + "] is not valid percent-encoding");
    }
  }
}
