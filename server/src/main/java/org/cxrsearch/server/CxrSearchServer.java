package org.cxrsearch.server;

import java.io.IOException;
import java.nio.file.Path;
import org.cxrsearch.server.http.Dispatcher;
import org.cxrsearch.server.http.JettyHttpServer;
import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.index.Indices;
import org.cxrsearch.server.index.Models;

/**
 * A running cxrsearch server: the indexes under a data directory, served over HTTP with the routes
 * of {@link ServerRoutes}. {@link #close()} is the graceful shutdown: stop accepting, let in-flight
 * requests finish, commit and close every index, close the models. Hosts (the {@code serve} verb,
 * tests) own signal handling and call {@code close()}.
 */
public final class CxrSearchServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CxrSearchServer.class.getName());

  private final ServerContext context;
  private final JettyHttpServer http;

  private CxrSearchServer(ServerContext context, JettyHttpServer http) {
    this.context = context;
    this.http = http;
  }

  /**
   * Starts serving {@code dataDir}.
   *
   * @throws IllegalArgumentException if the options bind beyond loopback without API keys
   */
  public static CxrSearchServer start(Path dataDir, Models models, ServerOptions options) throws Exception {
    Indices indices = new Indices(dataDir, models);
    ServerContext ctx = new ServerContext(indices, models, options);
    try {
      JettyHttpServer http = JettyHttpServer.start(new Dispatcher(ServerRoutes.build(ctx), options, indices::openLeases));
      LOG.log(System.Logger.Level.INFO, () -> "serving " + indices.dataDir() + " (" + indices.names().size() + " indexes) on http://"
          + options.bind() + ":" + http.port() + (options.apiKeys().enabled() ? " with API keys" : " without authentication"));
      return new CxrSearchServer(ctx, http);
    } catch (Exception e) {
      indices.close();
      throw e;
    }
  }

  public ServerContext context() {
    return context;
  }

  public int port() {
    return http.port();
  }

  /** {@code http://host:port}. */
  public String url() {
    return "http://" + context.options().bind() + ":" + port();
  }

  @Override
  public void close() throws IOException {
    try {
      http.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "stopping the HTTP server", e);
    } finally {
      try {
        context.indices().close();
      } finally {
        context.models().close();
      }
    }
  }
}
