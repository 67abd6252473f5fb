package org.cxrsearch.server.es;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code _shards} object of Elasticsearch answers: one shard, no replica. */
final class Shards {

  private Shards() {}

  static Map<String, Object> one() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", 1);
    m.put("successful", 1);
    m.put("skipped", 0);
    m.put("failed", 0);
    return m;
  }

  /** The {@code _shards} of a write: total 1, successful 1, failed 0. */
  static Map<String, Object> write() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", 1);
    m.put("successful", 1);
    m.put("failed", 0);
    return m;
  }
}
