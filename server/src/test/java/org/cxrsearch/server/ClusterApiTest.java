package org.cxrsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterApiTest {

  @TempDir Path data;

  @Test
  void rootAnswersClusterInfoWithTheProductHeader() throws Exception {
    try (TestServer s = TestServer.start(data)) {
      TestServer.Reply r = s.get("/");
      assertEquals(200, r.status());
      assertEquals("Elasticsearch", r.header("X-Elastic-Product"));
      assertTrue(r.json().at("/version/number").asText().startsWith("9."), r.body());
      assertEquals(200, s.get("/_cluster/health").status());
      assertEquals("green", s.get("/_cluster/health").json().get("status").asText());
    }
  }

  @Test
  void unknownEndpointIsAnElasticsearchErrorWithTheRequestId() throws Exception {
    try (TestServer s = TestServer.start(data)) {
      TestServer.Reply r = s.get("/_nodes/stats");
      assertEquals(400, r.status());
      assertEquals("no_handler_found_exception", r.json().at("/error/type").asText());
      assertEquals(r.header("X-Request-Id"), r.json().at("/error/request_id").asText());
      assertEquals(400, r.json().get("status").asInt());
    }
  }
}
