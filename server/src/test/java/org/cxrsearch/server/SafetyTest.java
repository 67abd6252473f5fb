package org.cxrsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.server.http.ApiKeys;
import org.cxrsearch.server.http.Limits;
import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.index.Models;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Safe defaults: binding, API keys, CORS, body/bulk/result limits, time limits, overload, access log. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SafetyTest {

  /** What Chrome sends for a page it opens. */
  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @TempDir Path data;

  private static ServerOptions options() {
    return ServerOptions.loopbackEphemeral();
  }

  @Test
  void refusesANonLoopbackBindWithoutAnApiKey() {
    ServerOptions open = new ServerOptions("0.0.0.0", 0, ApiKeys.none(), false, List.of(), Limits.DEFAULTS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CxrSearchServer.start(data, Models.resolving("default", EncoderConfig.defaults()), open));
    assertTrue(e.getMessage().contains("--api-key-file"), e.getMessage());
  }

  @Test
  void apiKeysAreRequiredWhenConfiguredAsApiKeyOrBearer() throws Exception {
    Path keys = Files.writeString(data.resolveSibling(data.getFileName() + "-keys.txt"), "# keys\ns3cret-key-1\n");
    try (TestServer s = TestServer.start(data, options().withApiKeys(ApiKeys.read(keys)))) {
      TestServer.Reply none = s.get("/");
      assertEquals(401, none.status());
      assertEquals("security_exception", none.json().at("/error/type").asText());
      assertEquals(401, s.get("/", "Authorization", "ApiKey wrong-key").status());
      assertEquals(401, s.get("/", "Authorization", "Basic czNjcmV0LWtleS0x").status());
      assertEquals(200, s.get("/", "Authorization", "ApiKey s3cret-key-1").status());
      assertEquals(200, s.get("/", "Authorization", "Bearer s3cret-key-1").status());
      // what the Elasticsearch clients send: ApiKey base64(key)
      assertEquals(200, s.get("/", "Authorization", "ApiKey czNjcmV0LWtleS0x").status());
    }
  }

  /** The page and its assets hold no data and a browser cannot attach a key to them; everything else needs it. */
  @Test
  void withKeysTheWebPageLoadsWithoutAKeyButEveryDataEndpointRequiresIt() throws Exception {
    Path keys = Files.writeString(data.resolveSibling(data.getFileName() + "-keys.txt"), "s3cret-key-1\n");
    try (TestServer s = TestServer.start(data, options().withApiKeys(ApiKeys.read(keys)))) {
      TestServer.Reply page = s.get("/", "Accept", BROWSER_ACCEPT);
      assertEquals(200, page.status(), page.body());
      assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
      for (String asset : List.of("app.js", "app.css", "favicon.svg")) {
        assertEquals(200, s.get("/_cxr/web/" + asset).status(), asset);
      }
      // the open route answers for itself: an unknown asset is 404 (the asset names are no secret)
      assertEquals(404, s.get("/_cxr/web/nothing.txt").status());
      assertEquals(401, s.get("/_cxr/nothing").status(), "an unknown path does not reveal the routes");
      assertEquals(401, s.get("/").status(), "cluster info (JSON) needs the key");
      assertEquals(401, s.get("/", "Accept", "application/json").status());
      assertEquals(401, s.get("/", "Accept", "application/json, text/html").status());
      assertEquals(401, s.send("POST", "/_cxr/web/app.js", "{}").status(), "only GET is open");
      assertEquals(401, s.send("POST", "/r/_search", "{}").status());
      assertEquals(401, s.get("/r/_search", "Accept", BROWSER_ACCEPT).status());
      assertEquals(401, s.get("/_cat/indices").status());
      assertEquals(401, s.send("POST", "/v1/embeddings", "{\"input\":\"effusion\"}").status());
      assertEquals(401, s.send("PUT", "/r", "{}").status());
      // with the key, the data endpoints answer as before
      assertEquals(200, s.get("/_cat/indices", "Authorization", "ApiKey s3cret-key-1").status());
      assertEquals("cxrsearch", s.get("/", "Authorization", "Bearer s3cret-key-1").json().get("cluster_name").asText());
    }
  }

  @Test
  void corsIsOffUnlessAnOriginIsConfigured() throws Exception {
    try (TestServer s = TestServer.start(data)) {
      assertNull(s.get("/", "Origin", "http://evil.example").header("Access-Control-Allow-Origin"));
    }
    try (TestServer s = TestServer.start(data, options().withCors(List.of("http://app.example")))) {
      assertEquals("http://app.example", s.get("/", "Origin", "http://app.example").header("Access-Control-Allow-Origin"));
      assertNull(s.get("/", "Origin", "http://evil.example").header("Access-Control-Allow-Origin"));
      assertEquals(204, s.send("OPTIONS", "/x/_search", null, "Origin", "http://app.example").status());
    }
  }

  @Test
  void indexNamesAreValidatedAsElasticsearchDoes() throws Exception {
    try (TestServer s = TestServer.start(data)) {
      for (String bad : List.of("Upper", "_under", "-dash", "a%2Fb", "a%5Cb", "a*b", "a%3Fb", "a%23b", "a%3Ab", "..")) {
        TestServer.Reply r = s.send("PUT", "/" + bad, "{}");
        assertEquals(400, r.status(), bad + ": " + r.body());
        if (!bad.equals("..")) { // Jetty refuses a ".." segment before routing, with its own 400 (and closes the connection)
          assertEquals("invalid_index_name_exception", r.json().at("/error/type").asText(), bad);
        }
      }
      assertTrue(Files.list(data).findAny().isEmpty(), "nothing was created under the data directory");
    }
  }

  @Test
  void bodyBulkAndResultLimits() throws Exception {
    Limits limits = Limits.DEFAULTS.withMaxBodyBytes(4096).withMaxBulkLines(4);
    try (TestServer s = TestServer.start(data, options().withLimits(limits))) {
      TestServer.Reply big = s.send("POST", "/r/_search", "{\"query\":{\"match\":{\"text\":\"" + "x".repeat(5000) + "\"}}}");
      assertEquals(413, big.status());
      String six = "{\"index\":{\"_id\":\"a\"}}\n{\"text\":\"a\"}\n".repeat(3);
      assertEquals(413, s.send("POST", "/r/_bulk", six).status());
      assertEquals(200, s.send("POST", "/r/_bulk?refresh=true", "{\"index\":{\"_id\":\"a\"}}\n{\"text\":\"effusion\"}\n").status());
      TestServer.Reply window = s.send("POST", "/r/_search", "{\"from\":9995,\"size\":10}");
      assertEquals(400, window.status());
      assertTrue(window.json().at("/error/reason").asText().contains("Result window is too large"), window.body());
      TestServer.Reply cands = s.send("POST", "/r/_search",
          "{\"knn\":{\"field\":\"vector\",\"k\":5,\"num_candidates\":20000,\"query_vector_builder\":{\"text_embedding\":{\"model_text\":\"x\"}}}}");
      assertEquals(400, cands.status());
      assertTrue(cands.json().at("/error/reason").asText().contains("num_candidates"), cands.body());
      TestServer.Reply k = s.send("POST", "/r/_search",
          "{\"knn\":{\"field\":\"vector\",\"k\":20000,\"num_candidates\":20000,\"query_vector_builder\":{\"text_embedding\":{\"model_text\":\"x\"}}}}");
      assertEquals(400, k.status());
    }
  }

  @Test
  void aSearchOverTheServerTimeLimitIs504AndARequestTimeoutGivesPartialResults() throws Exception {
    Limits limits = Limits.DEFAULTS.withSearchTimeout(Duration.ofNanos(1));
    try (TestServer s = TestServer.start(data, options().withLimits(limits))) {
      assertEquals(200, s.send("POST", "/r/_bulk?refresh=true", "{\"index\":{\"_id\":\"a\"}}\n{\"text\":\"left effusion\"}\n").status());
      TestServer.Reply r = s.send("POST", "/r/_search", "{\"query\":{\"match\":{\"text\":\"effusion\"}}}");
      assertEquals(504, r.status(), r.body());
      assertEquals("search_timeout_exception", r.json().at("/error/type").asText());
    }
  }

  /**
   * The one slot is held by a request whose body is still arriving; a second request with a declared
   * but unsent body must get its 429 at once. Had the server read bodies before admission, it would
   * wait for the second body and the read below would time out.
   */
  @Test
  void aRequestRefusedByAdmissionIsAnsweredWithoutReadingItsBody() throws Exception {
    Limits limits = Limits.DEFAULTS.withConcurrency(1, 0, Duration.ZERO);
    try (TestServer s = TestServer.start(data, options().withLimits(limits));
        Socket holder = new Socket(InetAddress.getLoopbackAddress(), s.port());
        Socket refused = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
      String body = "{\"query\":{\"match_all\":{}}}";
      String head = "POST /r/_search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length() + "\r\nConnection: close\r\n\r\n";
      OutputStream holderOut = holder.getOutputStream();
      holderOut.write((head + body.substring(0, 5)).getBytes(StandardCharsets.US_ASCII));
      holderOut.flush();
      // Wait until the holder is admitted: then a complete, body-less request is refused.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (s.get("/_cluster/health").status() != 429) {
        assertTrue(System.nanoTime() < deadline, "the first request never took the slot");
        Thread.sleep(10);
      }
      refused.setSoTimeout(5_000);
      OutputStream refusedOut = refused.getOutputStream();
      refusedOut.write((head + body.substring(0, 5)).getBytes(StandardCharsets.US_ASCII)); // the rest never comes
      refusedOut.flush();
      String answer = new String(refused.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 429", answer);

      holder.setSoTimeout(10_000);
      holderOut.write(body.substring(5).getBytes(StandardCharsets.US_ASCII));
      holderOut.flush();
      String held = new String(holder.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(held.startsWith("HTTP/1.1 404"), held); // admitted, body read: index r does not exist
      assertEquals(200, s.get("/_cluster/health").status());
    }
  }

  @Test
  void overloadIsRefusedWith429AndTheServerStaysHealthy() throws Exception {
    Limits limits = Limits.DEFAULTS.withConcurrency(1, 0, Duration.ZERO);
    try (TestServer s = TestServer.start(data, options().withLimits(limits))) {
      StringBuilder bulk = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        bulk.append("{\"index\":{\"_id\":\"d").append(i).append("\"}}\n{\"text\":\"Report ").append(i)
            .append(": small left pleural effusion, no pneumothorax, heart size normal.\"}\n");
      }
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<TestServer.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          replies.add(pool.submit(() -> s.send("POST", "/load/_bulk", bulk.toString())));
        }
        int ok = 0;
        int rejected = 0;
        for (Future<TestServer.Reply> f : replies) {
          TestServer.Reply r = f.get(100, TimeUnit.SECONDS);
          if (r.status() == 200) {
            ok++;
          } else {
            assertEquals(429, r.status(), r.body());
            assertEquals("es_rejected_execution_exception", r.json().at("/error/type").asText());
            rejected++;
          }
        }
        assertTrue(ok >= 1 && rejected >= 1, "ok=" + ok + " rejected=" + rejected);
      } finally {
        pool.shutdownNow();
      }
      assertEquals(200, s.get("/_cluster/health").status());
      assertEquals(200, s.send("POST", "/load/_refresh", "").status());
      assertEquals(300, s.get("/load/_count").json().get("count").asInt());
    }
  }

  @Test
  void everyRequestGetsOneStructuredAccessLogLine() throws Exception {
    List<String> lines = new ArrayList<>();
    Logger access = Logger.getLogger("org.cxrsearch.server.access");
    Handler h = new Handler() {
      @Override public void publish(LogRecord r) {
        synchronized (lines) {
          lines.add(r.getMessage());
        }
      }
      @Override public void flush() {}
      @Override public void close() {}
    };
    access.addHandler(h);
    try (TestServer s = TestServer.start(data)) {
      TestServer.Reply r = s.get("/nope/_count");
      String id = r.header("X-Request-Id");
      synchronized (lines) {
        String line = lines.stream().filter(l -> l.contains(id)).findFirst().orElseThrow();
        var json = org.cxrsearch.server.http.Json.MAPPER.readTree(line);
        assertEquals("GET", json.get("method").asText());
        assertEquals("/nope/_count", json.get("path").asText());
        assertEquals(404, json.get("status").asInt());
        assertTrue(json.has("micros") && json.has("remote"));
      }
    } finally {
      access.removeHandler(h);
    }
  }
}
