package org.cxrsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.searcher.search.RadiologyLayer;
import org.cxrsearch.searcher.search.SimilarSearch;
import org.cxrsearch.server.http.Limits;
import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /{index}/_cxr/similar/{id}} answers what {@link SimilarSearch}, the flow of
 * {@code cxrsearch similar}, answers on the same index, with the radiology layer on and off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SimilarApiTest {

  private static final Path SAMPLE = Path.of("..", "testdata", "reports", "sample_reports.jsonl");
  private static final List<String> IDS = List.of("SYN-001", "SYN-010", "SYN-025", "SYN-040");

  private Path data;
  private TestServer s;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    data = dir;
    s = TestServer.start(data.resolve("main"));
    assertEquals(200, s.send("PUT", "/plain", "{\"settings\":{\"index.cxr.radiology\":false}}").status());
    for (String index : List.of("rx", "plain")) {
      TestServer.Reply r = s.send("POST", "/" + index + "/_bulk?refresh=true", bulk());
      assertEquals(200, r.status(), r.body());
      assertFalse(r.json().get("errors").asBoolean(), r.body());
    }
  }

  @AfterAll
  void stop() throws Exception {
    s.close();
  }

  /** The sample reports as _bulk lines, their {@code id} as {@code _id}. */
  private static String bulk() throws Exception {
    ObjectMapper json = new ObjectMapper();
    StringBuilder b = new StringBuilder();
    for (String line : Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode doc = (ObjectNode) json.readTree(line);
      String id = doc.remove("id").asText();
      b.append(json.writeValueAsString(Map.of("index", Map.of("_id", id)))).append('\n').append(json.writeValueAsString(doc)).append('\n');
    }
    return b.toString();
  }

  private record Hit(String id, double score) {}

  private List<Hit> endpoint(String index, String id, String query) throws Exception {
    TestServer.Reply r = s.get("/" + index + "/_cxr/similar/" + id + "?k=5" + query);
    assertEquals(200, r.status(), r.body());
    List<Hit> hits = new ArrayList<>();
    r.json().at("/hits/hits").forEach(h -> hits.add(new Hit(h.get("_id").asText(), h.get("_score").doubleValue())));
    return hits;
  }

  /** The library flow on the index directory the server wrote, opened on its own as the CLI opens it. */
  private List<Hit> direct(String index, String id, RadiologyLayer layer) throws Exception {
    Path dir = s.server().context().indices().get(index).index().path();
    try (ReportIndex idx = ReportIndex.openReadOnly(dir)) {
      List<Hit> hits = new ArrayList<>();
      for (SearchHit h : SimilarSearch.open(idx, layer).similar(id, 5, List.of()).hits()) {
        hits.add(new Hit(h.id(), h.score()));
      }
      return hits;
    }
  }

  @Test
  void layerOnByDefaultOnAnIndexWithItMatchesTheLibraryFlow() throws Exception {
    boolean differs = false;
    for (String id : IDS) {
      List<Hit> on = direct("rx", id, RadiologyLayer.ON);
      assertEquals(5, on.size());
      assertEquals(on, endpoint("rx", id, ""), id);
      assertEquals(on, endpoint("rx", id, "&radiology=on"), id);
      assertEquals(on, endpoint("rx", id, "&radiology=auto"), id);
      List<Hit> off = direct("rx", id, RadiologyLayer.OFF);
      assertEquals(off, endpoint("rx", id, "&radiology=off"), id);
      differs |= !on.equals(off);
    }
    assertTrue(differs, "the layer changes no ranking or score: the endpoint would not show it is used");
  }

  @Test
  void layerOffOnAnIndexWithoutItMatchesTheLibraryFlow() throws Exception {
    for (String id : IDS) {
      List<Hit> off = direct("plain", id, RadiologyLayer.OFF);
      assertEquals(off, endpoint("plain", id, ""), id);
      assertEquals(off, direct("plain", id, RadiologyLayer.AUTO), id);
      assertFalse(off.stream().anyMatch(h -> h.id().equals(id)), "the report itself is excluded");
    }
    TestServer.Reply on = s.get("/plain/_cxr/similar/SYN-001?radiology=on");
    assertEquals(400, on.status(), on.body());
    assertTrue(on.json().at("/error/reason").asText().contains("without the radiology layer"), on.body());
  }

  @Test
  void explainGivesTheSharedAndConflictingFindingsAndTheParts() throws Exception {
    TestServer.Reply r = s.get("/rx/_cxr/similar/SYN-010?k=5&explain=true");
    assertEquals(200, r.status(), r.body());
    JsonNode hit = r.json().at("/hits/hits/0");
    assertTrue(hit.has("_source"), hit.toString());
    JsonNode cxr = hit.get("_cxr");
    assertEquals("similar-cases", cxr.get("method").asText(), hit.toString());
    assertTrue(cxr.get("radiology").asText().matches("shared \\[.*], conflicting \\[.*]"), cxr.toString());
    List<String> parts = new ArrayList<>();
    double sum = 0;
    for (JsonNode p : cxr.get("parts")) {
      parts.add(p.get("part").asText());
      sum += p.get("contribution").doubleValue();
    }
    assertEquals(List.of("knn", "findings", "bm25"), parts);
    assertEquals(hit.get("_score").doubleValue(), sum, 1e-6, cxr.toString());
    JsonNode plain = s.get("/rx/_cxr/similar/SYN-010?k=5").json().at("/hits/hits/0");
    assertFalse(plain.has("_cxr"), plain.toString());
    JsonNode off = s.get("/plain/_cxr/similar/SYN-010?k=5&explain=true").json().at("/hits/hits/0/_cxr");
    assertFalse(off.has("radiology"), off.toString());
    assertNotEquals("similar-cases", off.get("method").asText());
  }

  @Test
  void badParametersAndUnknownReportsAreNamed() throws Exception {
    TestServer.Reply bad = s.get("/rx/_cxr/similar/SYN-001?radiology=maybe");
    assertEquals(400, bad.status(), bad.body());
    assertTrue(bad.json().at("/error/reason").asText().contains("[radiology]"), bad.body());
    assertEquals(404, s.get("/rx/_cxr/similar/NOPE").status());
  }

  @Test
  void overTheServerTimeLimitIs504() throws Exception {
    Path other = Files.createDirectories(data.resolve("limited"));
    ServerOptions options = ServerOptions.loopbackEphemeral().withLimits(Limits.DEFAULTS.withSearchTimeout(Duration.ofNanos(1)));
    try (TestServer limited = TestServer.start(other, options)) {
      assertEquals(200, limited.send("POST", "/r/_bulk?refresh=true",
          "{\"index\":{\"_id\":\"a\"}}\n{\"text\":\"left effusion\"}\n{\"index\":{\"_id\":\"b\"}}\n{\"text\":\"right effusion\"}\n").status());
      TestServer.Reply r = limited.get("/r/_cxr/similar/a");
      assertEquals(504, r.status(), r.body());
      assertEquals("search_timeout_exception", r.json().at("/error/type").asText());
    }
  }
}
