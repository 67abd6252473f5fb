package org.cxrsearch.cli.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.cli.bench.SyntheticReports;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.TextEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cxrsearch.server.CxrSearchServer;
import org.cxrsearch.server.ServerRoutes;
import org.cxrsearch.server.http.ApiRequest;
import org.cxrsearch.server.http.Dispatcher;
import org.cxrsearch.server.http.Json;
import org.cxrsearch.server.http.Limits;
import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.index.Models;
import org.cxrsearch.server.index.ServedIndex;

/**
 * Load test of the search endpoint on loopback, bounded in requests and time:
 * {@code ServeBench DATA_DIR INDEX [REQUESTS_PER_RUN=300] [CLIENTS=1,8,32]}.
 *
 * <p>For each mode (bm25, knn, hybrid = rrf of match + knn, query encoding included) and each client
 * count, closed-loop clients send Elasticsearch {@code _search} requests; it prints queries/s, p50
 * and p99, errors and the largest heap seen. Side by side, the same queries run as direct library
 * calls (encode + {@link ReportSearcher#search}, what {@code cxrsearch search} does) at 1 and 8
 * threads, so the server's overhead is measured in the same run. Then an overload run (256 clients
 * against 16 slots and a 64-request queue) must show 429s, and the server must answer normally after it.
 */
public final class ServeBench {

  private static final String[] MODES = {"bm25", "knn", "hybrid"};
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong maxHeap = new AtomicLong();

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    String index = args[1];
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int[] clients = args.length > 3 ? Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {1, 8, 32};
    new ServeBench().run(data, index, requests, clients);
  }

  private void run(Path data, String index, int requests, int[] clientCounts) throws Exception {
    System.out.printf(Locale.ROOT, "machine: %d cores, load average %s; heap max %d MB%n",
        Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() >> 20);
    List<String> queries = queries(200);
    Limits limits = Limits.DEFAULTS; // 16 running, 64 queued
    try (CxrSearchServer server = CxrSearchServer.start(data, Models.resolving("default", EncoderConfig.defaults()),
        ServerOptions.loopbackEphemeral().withLimits(limits))) {
      ServedIndex served = server.context().indices().get(index);
      System.out.printf(Locale.ROOT, "index %s: %,d reports, model %s%n", index, served.index().numDocs(), served.metadata().encoder().name());
      String url = server.url() + "/" + index + "/_search";
      Dispatcher dispatcher = new Dispatcher(ServerRoutes.build(server.context()), server.context().options());
      for (String mode : MODES) {
        run("http   " + mode, 8, Math.min(100, requests), i -> http(url, body(mode, queries.get(i % queries.size())))); // warm-up
        run("direct " + mode, 1, Math.min(100, requests), i -> direct(served, mode, queries.get(i % queries.size()))); // warm-up
        for (int c : clientCounts) {
          print(run("http   " + mode, c, requests, i -> http(url, body(mode, queries.get(i % queries.size())))));
        }
        for (int c : new int[] {1, 8}) {
          print(run("direct " + mode, c, requests, i -> direct(served, mode, queries.get(i % queries.size()))));
        }
        // the Elasticsearch translation without HTTP: the dispatcher called in-process
        print(run("no-http " + mode, 1, requests, i -> {
          byte[] bytes = body(mode, queries.get(i % queries.size())).getBytes(StandardCharsets.UTF_8);
          return dispatcher.dispatch(new ApiRequest("POST", "/" + index + "/_search", Map.of(), Map.of(), h -> null, new byte[0], "bench"),
              () -> bytes).status();
        }));
      }
      // overload: far more clients than slots + queue; the excess must be refused, not queued forever
      Result over = run("overload hybrid", 256, 1024, i -> http(url, body("hybrid", queries.get(i % queries.size()))));
      print(over);
      System.out.printf(Locale.ROOT, "overload: %d answered 200, %d refused with 429, %d other errors%n",
          over.ok(), over.rejected(), over.errors());
      int after = new LoopbackHttp("127.0.0.1", server.port()).post("/" + index + "/_search",
          body("hybrid", queries.get(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      int health = status(server.url() + "/_cluster/health");
      System.out.printf(Locale.ROOT, "after overload: search %d, _cluster/health %d%n", after, health);
    }
    System.out.printf(Locale.ROOT, "load average at the end: %s; largest heap used %d MB%n", loadAverage(), maxHeap.get() >> 20);
  }

  @FunctionalInterface
  private interface Call {
    int call(int i) throws Exception;
  }

  record Result(String name, int clients, int n, double seconds, double p50, double p99, int ok, int rejected, int errors, long heapMb) {}

  private Result run(String name, int clients, int n, Call call) throws Exception {
    long[] lat = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
    // Client threads that call the encoder directly need a large stack, as the server's handler threads do.
    ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(null, r, "bench-client", 16L << 20));
    long start = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      fs.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < n && System.nanoTime() < deadline; i = next.getAndIncrement()) {
          long t = System.nanoTime();
          int status;
          try {
            status = call.call(i);
          } catch (Exception e) {
            status = -1;
            if (errors.get() < 3) {
              System.out.println("  error: " + e);
            }
          }
          lat[i] = System.nanoTime() - t;
          switch (status) {
            case 200 -> ok.incrementAndGet();
            case 429 -> rejected.incrementAndGet();
            default -> errors.incrementAndGet();
          }
          sampleHeap();
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdownNow(); // new threads (and connections) for the next run
    double seconds = (System.nanoTime() - start) / 1e9;
    int done = Math.min(n, next.get());
    long[] s = Arrays.copyOf(lat, done);
    Arrays.sort(s);
    return new Result(name, clients, done, seconds, rank(s, 0.5), rank(s, 0.99), ok.get(), rejected.get(), errors.get(), maxHeap.get() >> 20);
  }

  private static double rank(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
  }

  private static void print(Result r) {
    System.out.printf(Locale.ROOT, "%-16s clients %3d: %5d requests in %6.1f s = %7.1f q/s, p50 %7.2f ms, p99 %7.2f ms,"
            + " ok %d, 429 %d, errors %d, heap max %d MB%n",
        r.name(), r.clients(), r.n(), r.seconds(), r.n() / r.seconds(), r.p50(), r.p99(), r.ok(), r.rejected(), r.errors(), r.heapMb());
  }

  private void sampleHeap() {
    long used = memory.getHeapMemoryUsage().getUsed();
    maxHeap.accumulateAndGet(used, Math::max);
  }

  /** One keep-alive connection per client thread. */
  private final ThreadLocal<LoopbackHttp> connections = new ThreadLocal<>();

  private int http(String url, String body) throws Exception {
    URI uri = URI.create(url);
    LoopbackHttp c = connections.get();
    if (c == null) {
      c = new LoopbackHttp(uri.getHost(), uri.getPort());
      connections.set(c);
    }
    try {
      return c.post(uri.getPath(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      c.close();
      throw e;
    }
  }

  private int status(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The library call {@code cxrsearch search} makes for the same query (encoding included). */
  private static int direct(ServedIndex index, String mode, String q) throws Exception {
    TextEncoder encoder = index.encoder();
    SearchRequest request = switch (mode) {
      case "bm25" -> SearchRequest.builder(SearchMode.BM25).text(Bm25QueryParser.plainText(q)).k(10).build();
      case "knn" -> SearchRequest.builder(SearchMode.KNN).vector(encoder.encodeQuery("", q)).k(10).candidates(100).build();
      default -> SearchRequest.builder(SearchMode.HYBRID).text(Bm25QueryParser.plainText(q)).vector(encoder.encodeQuery("", q))
          .k(10).depth(100).candidates(100).build();
    };
    return index.searcher().search(request).isEmpty() ? 500 : 200;
  }

  /** The Elasticsearch request of each mode; hybrid is what {@code cxrsearch search --mode hybrid} runs. */
  static String body(String mode, String q) {
    ObjectNode b = Json.MAPPER.createObjectNode().put("size", 10);
    ObjectNode match = Json.MAPPER.createObjectNode();
    match.putObject("match").put("text", q);
    ObjectNode knn = Json.MAPPER.createObjectNode().put("field", "vector").put("num_candidates", 100);
    knn.putObject("query_vector_builder").putObject("text_embedding").put("model_text", q);
    switch (mode) {
      case "bm25" -> b.set("query", match);
      case "knn" -> b.set("knn", knn.put("k", 10));
      default -> {
        ObjectNode rrf = b.putObject("retriever").putObject("rrf").put("rank_window_size", 100).put("rank_constant", 60);
        var rs = rrf.putArray("retrievers");
        rs.addObject().putObject("standard").set("query", match);
        rs.addObject().set("knn", knn.put("k", 100));
      }
    }
    return b.toString();
  }

  /** Query texts: the first sentence of synthetic reports of another seed than the index's. */
  private static List<String> queries(int n) {
    List<String> out = new ArrayList<>();
    for (String r : new SyntheticReports(7).generate(n)) {
      String t = r.replaceFirst("^[A-Z]+: ", "");
      int dot = t.indexOf('.');
      out.add(dot > 0 ? t.substring(0, dot) : t);
    }
    return out;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
