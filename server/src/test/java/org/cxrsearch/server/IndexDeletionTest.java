package org.cxrsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting an index while searches use it: each search either finishes on the index (200) or finds
 * it gone (404); none sees it closed under it (a 500 from Lucene's AlreadyClosedException).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IndexDeletionTest {

  private static final int ROUNDS = 6;
  private static final int SEARCHERS = 4;
  private static final int MAX_SEARCHES = 400; // per searcher and round: bounded even if the delete never lands

  /**
   * BM25 and KNN: the query text is embedded after the index is looked up, which keeps each search
   * on the index long enough for the delete to land in the middle of some.
   */
  private static final String HYBRID = "{\"query\":{\"match\":{\"text\":\"effusion\"}},\"knn\":{\"field\":\"vector\",\"k\":5,"
      + "\"num_candidates\":20,\"query_vector_builder\":{\"text_embedding\":{\"model_text\":\"small left pleural effusion\"}}},\"size\":10}";

  @TempDir Path data;

  @Test
  void searchesRacingADeleteGet200Or404Never500() throws Exception {
    StringBuilder bulk = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      bulk.append("{\"index\":{\"_id\":\"d").append(i).append("\"}}\n{\"text\":\"Report ").append(i)
          .append(": small left pleural effusion, no pneumothorax.\"}\n");
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(SEARCHERS);
    try (TestServer s = TestServer.start(data)) {
      for (int round = 0; round < ROUNDS; round++) {
        assertEquals(200, s.send("POST", "/gone/_bulk?refresh=true", bulk.toString()).status());
        AtomicInteger started = new AtomicInteger();
        List<Future<List<TestServer.Reply>>> searchers = new ArrayList<>();
        for (int t = 0; t < SEARCHERS; t++) {
          searchers.add(pool.submit(() -> {
            List<TestServer.Reply> replies = new ArrayList<>();
            for (int i = 0; i < MAX_SEARCHES; i++) {
              TestServer.Reply r = s.send("POST", "/gone/_search", HYBRID);
              started.incrementAndGet();
              replies.add(r);
              if (r.status() == 404) {
                break; // deleted: every later search is a 404 too
              }
            }
            return replies;
          }));
        }
        while (started.get() < SEARCHERS * 3) {
          Thread.sleep(1);
        }
        assertEquals(200, s.send("DELETE", "/gone", "").status());
        for (Future<List<TestServer.Reply>> f : searchers) {
          for (TestServer.Reply r : f.get(60, TimeUnit.SECONDS)) {
            statuses.merge(r.status(), 1, Integer::sum);
            assertTrue(r.status() == 200 || r.status() == 404, r.status() + " " + r.body());
            if (r.status() == 200) {
              assertEquals(30, r.json().at("/hits/total/value").asInt(), r.body());
            }
          }
        }
        assertEquals(404, s.get("/gone/_count").status());
      }
      assertTrue(statuses.getOrDefault(200, 0) > 0 && statuses.getOrDefault(404, 0) > 0, statuses.toString());
    } finally {
      pool.shutdownNow();
    }
  }
}
