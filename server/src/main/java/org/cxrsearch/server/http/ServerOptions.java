package org.cxrsearch.server.http;

import java.util.List;
import java.util.Objects;

/**
 * How the HTTP layer listens and whom it serves.
 *
 * @param bind address to bind; loopback unless API keys are set or {@code insecure}
 * @param port TCP port; 0 picks a free one (tests)
 * @param apiKeys accepted keys; none means no authentication (allowed on loopback only)
 * @param insecure allow a non-loopback bind without API keys
 * @param corsOrigins origins allowed to call from a browser page; empty means CORS off
 * @param limits body, result and concurrency bounds
 */
public record ServerOptions(String bind, int port, ApiKeys apiKeys, boolean insecure, List<String> corsOrigins, Limits limits) {

  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_PORT = 9200;

  public ServerOptions {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(apiKeys, "apiKeys");
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(limits, "limits");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535: " + port);
    }
  }

  /** Loopback, an ephemeral port, no keys, no CORS, default limits: what tests start. */
  public static ServerOptions loopbackEphemeral() {
    return new ServerOptions(LOOPBACK, 0, ApiKeys.none(), false, List.of(), Limits.DEFAULTS);
  }

  public ServerOptions withLimits(Limits l) {
    return new ServerOptions(bind, port, apiKeys, insecure, corsOrigins, l);
  }

  public ServerOptions withApiKeys(ApiKeys k) {
    return new ServerOptions(bind, port, k, insecure, corsOrigins, limits);
  }

  public ServerOptions withCors(List<String> origins) {
    return new ServerOptions(bind, port, apiKeys, insecure, origins, limits);
  }
}
