package org.cxrsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.server.http.Json;
import org.cxrsearch.server.testing.ServerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write contract under {@code kill -9}: the server runs in a child JVM, a client streams bulk
 * requests (every other one with {@code refresh=wait_for}), and the child is killed while a request
 * is in flight. After a restart every document acknowledged with {@code refresh=wait_for} (or
 * before a later acknowledged {@code wait_for}) is there, and every document that is there is whole:
 * its text as sent, its fields and its vector.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DurabilityTest {

  private static final String INDEX = "crash";
  private static final int PER_BULK = 20;

  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) Path data;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void acknowledgedWritesSurviveKillMinus9AndNoDocumentIsHalfWritten() throws Exception {
    Map<String, String> sent = new ConcurrentHashMap<>(); // id -> text of every document sent
    Set<String> durable = ConcurrentHashMap.newKeySet(); // ids the contract says must survive
    Process child = startChild();
    try {
      int port = port(child);
      List<String> sinceDurable = new ArrayList<>();
      int durableAcks = 0;
      for (int b = 0; durableAcks < 3; b++) {
        boolean waitFor = b % 2 == 1;
        StringBuilder body = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PER_BULK; i++) {
          String id = "r" + b + "-" + i;
          String text = "Report " + id + ": " + (i % 2 == 0 ? "small left pleural effusion" : "no pneumothorax") + ", batch " + b + ".";
          body.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n")
              .append(Json.MAPPER.writeValueAsString(Map.of("text", text, "patient_id", "P" + b))).append('\n');
          sent.put(id, text);
          ids.add(id);
        }
        HttpResponse<String> r = post(port, "/" + INDEX + "/_bulk" + (waitFor ? "?refresh=wait_for" : ""), body.toString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(false, Json.MAPPER.readTree(r.body()).get("errors").asBoolean(), r.body());
        sinceDurable.addAll(ids);
        if (waitFor) { // a commit covers everything written before it too
          durable.addAll(sinceDurable);
          sinceDurable.clear();
          durableAcks++;
        }
      }
      // one more bulk in flight, then kill -9 while the server embeds and writes it
      StringBuilder last = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        String id = "inflight-" + i;
        String text = "Report " + id + ": cardiomegaly with mild pulmonary edema.";
        last.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n").append(Json.MAPPER.writeValueAsString(Map.of("text", text))).append('\n');
        sent.put(id, text);
      }
      var inflight = http.sendAsync(request(port, "/" + INDEX + "/_bulk?refresh=wait_for", last.toString()), HttpResponse.BodyHandlers.ofString());
      Thread.sleep(300);
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      inflight.handle((r, e) -> null).get(30, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
    }

    // restart: the acknowledged documents are served
    Process again = startChild();
    try {
      int port = port(again);
      for (String id : durable) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + INDEX + "/_doc/" + id)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), id + ": " + r.body());
        assertEquals(sent.get(id), Json.MAPPER.readTree(r.body()).at("/_source/text").asText());
      }
    } finally {
      again.destroyForcibly();
      again.waitFor(30, TimeUnit.SECONDS);
    }

    // every document in the index is whole: stored fields as sent and a vector of the model's size
    try (ReportIndex idx = ReportIndex.openReadOnly(data.resolve(INDEX));
        IndexReader reader = DirectoryReader.open(FSDirectory.open(data.resolve(INDEX)))) {
      StoredFields stored = reader.storedFields();
      Map<String, Integer> seen = new HashMap<>();
      for (int d = 0; d < reader.maxDoc(); d++) {
        ReportDocument doc = ReportDocumentMapper.fromDocument(stored.document(d));
        assertEquals(sent.get(doc.id()), doc.text(), "document " + doc.id() + " has the text that was sent");
        assertEquals(idx.metadata().dimensions(), idx.vector(doc.id()).orElseThrow().length, doc.id());
        seen.merge(doc.id(), 1, Integer::sum);
      }
      assertTrue(seen.keySet().containsAll(durable), "every acknowledged document survived");
      seen.forEach((id, n) -> assertEquals(1, n, id + " once"));
    }
  }

  private Process startChild() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(), data.toString());
    pb.redirectError(ProcessBuilder.Redirect.appendTo(data.resolveSibling(data.getFileName() + "-server.log").toFile()));
    return pb.start();
  }

  private static int port(Process child) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("LISTENING ")) {
        return Integer.parseInt(line.substring("LISTENING ".length()).strip());
      }
    }
    throw new AssertionError("the child server exited before listening");
  }

  private HttpRequest request(int port, String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpResponse<String> post(int port, String path, String body) throws Exception {
    return http.send(request(port, path, body), HttpResponse.BodyHandlers.ofString());
  }
}
