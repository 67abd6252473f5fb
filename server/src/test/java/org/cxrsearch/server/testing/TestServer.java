package org.cxrsearch.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.server.CxrSearchServer;
import org.cxrsearch.server.http.Json;
import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.index.Models;

/**
 * A server on 127.0.0.1 with an ephemeral port over a temporary data directory, and a small
 * HTTP client for it. Tests share the default model (all-MiniLM-L6-v2), opened once per server.
 */
public final class TestServer implements AutoCloseable {

  private final CxrSearchServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(CxrSearchServer server) {
    this.server = server;
  }

  public static TestServer start(Path data) throws Exception {
    return start(data, ServerOptions.loopbackEphemeral());
  }

  public static TestServer start(Path data, ServerOptions options) throws Exception {
    return new TestServer(CxrSearchServer.start(data, Models.resolving("default", EncoderConfig.defaults()), options));
  }

  public CxrSearchServer server() {
    return server;
  }

  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /** An answer: status, headers, body text, and the body as JSON when it is JSON. */
  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonNode json() {
      byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return Json.parse(b, 0, b.length, "response");
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
          .findFirst().orElse(null);
    }
  }

  public Reply send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json");
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers().map(), r.body());
  }

  public Reply get(String path, String... headers) throws IOException, InterruptedException {
    return send("GET", path, null, headers);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
