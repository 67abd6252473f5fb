package org.cxrsearch.server.es;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cxrsearch.server.ServerContext;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.http.ApiResponse;
import org.cxrsearch.server.http.Routes;

/**
 * {@code GET /} (cluster info) and {@code GET /_cluster/health}. The version is an Elasticsearch
 * 9.x number: the official 9.x clients check the major version they talk to.
 */
public final class ClusterApi {

  /** The Elasticsearch version whose REST API this server imitates. */
  public static final String ES_VERSION = "9.1.0";
  public static final String LUCENE_VERSION = org.apache.lucene.util.Version.LATEST.toString();
  public static final String CLUSTER_NAME = "cxrsearch";

  private final ServerContext ctx;

  public ClusterApi(ServerContext ctx) {
    this.ctx = ctx;
  }

  public void register(Routes routes) {
    routes.get("/", this::info).head("/", r -> ApiResponse.status(200)).get("/_cluster/health", this::health);
  }

  ApiResponse info(ApiRequest request) {
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("number", ES_VERSION);
    version.put("build_flavor", "default");
    version.put("build_type", "cxrsearch");
    version.put("build_hash", "cxrsearch");
    version.put("build_date", "2026-01-01T00:00:00.000Z");
    version.put("build_snapshot", false);
    version.put("lucene_version", LUCENE_VERSION);
    version.put("minimum_wire_compatibility_version", "8.19.0");
    version.put("minimum_index_compatibility_version", "8.0.0");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", CLUSTER_NAME);
    body.put("cluster_name", CLUSTER_NAME);
    body.put("cluster_uuid", "cxrsearch-single-node");
    body.put("version", version);
    body.put("tagline", "You Know, for Search");
    return ApiResponse.ok(body);
  }

  ApiResponse health(ApiRequest request) {
    int indices = ctx.indices().names().size();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("cluster_name", CLUSTER_NAME);
    body.put("status", "green");
    body.put("timed_out", false);
    body.put("number_of_nodes", 1);
    body.put("number_of_data_nodes", 1);
    body.put("active_primary_shards", indices);
    body.put("active_shards", indices);
    body.put("relocating_shards", 0);
    body.put("initializing_shards", 0);
    body.put("unassigned_shards", 0);
    body.put("unassigned_primary_shards", 0);
    body.put("delayed_unassigned_shards", 0);
    body.put("number_of_pending_tasks", 0);
    body.put("number_of_in_flight_fetch", 0);
    body.put("task_max_waiting_in_queue_millis", 0);
    body.put("active_shards_percent_as_number", 100.0);
    return ApiResponse.ok(body);
  }
}
