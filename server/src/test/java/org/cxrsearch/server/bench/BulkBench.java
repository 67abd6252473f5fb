package org.cxrsearch.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.cxrsearch.indexer.pipeline.ErrorLog;
import org.cxrsearch.indexer.pipeline.IndexingPipeline;
import org.cxrsearch.indexer.pipeline.IndexingSettings;
import org.cxrsearch.indexer.pipeline.IndexingSummary;
import org.cxrsearch.indexer.progress.ProgressListener;
import org.cxrsearch.indexer.read.JsonLinesReader;
import org.cxrsearch.indexer.read.ReadLimits;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.server.CxrSearchServer;
import org.cxrsearch.server.http.Json;
import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.index.Models;

/**
 * Bulk indexing through HTTP against {@code cxrsearch index}'s pipeline on the same reports, in one
 * run: {@code BulkBench WORK_DIR N [BULK_DOCS=500]}. The indexer side is {@link IndexingPipeline} over
 * {@link JsonLinesReader} with the CLI's defaults (what {@code cxrsearch index} runs after opening the
 * model); the HTTP side creates the index first (loading the model), then times the {@code _bulk}
 * stream and the final {@code _flush}. Both use the default model; each side's model load is excluded.
 * Runs indexer, HTTP, indexer, HTTP, and prints each time and the ratio of the sums.
 */
public final class BulkBench {

  public static void main(String[] args) throws Exception {
    Path work = Files.createDirectories(Path.of(args[0]));
    int n = Integer.parseInt(args[1]);
    int perBulk = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    Path input = work.resolve("bulk-" + n + ".jsonl");
    SyntheticCorpus.write(input, n);
    List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "%,d reports, bulk requests of %d; load average %s%n", n, perBulk, load());
    double cli = 0;
    double http = 0;
    try (Models models = Models.resolving("default", EncoderConfig.defaults())) {
      TextEncoder encoder = models.get("default");
      for (int round = 1; round <= 2; round++) {
        double a = indexer(work.resolve("cli-" + round), input, encoder);
        System.out.printf(Locale.ROOT, "round %d: cxrsearch index pipeline %.1f s (%.1f docs/s); load %s%n", round, a, n / a, load());
        double b = overHttp(work.resolve("http-" + round), lines, perBulk);
        System.out.printf(Locale.ROOT, "round %d: HTTP _bulk + _flush      %.1f s (%.1f docs/s); load %s%n", round, b, n / b, load());
        cli += a;
        http += b;
      }
    }
    System.out.printf(Locale.ROOT, "HTTP / indexer = %.3f (%+.1f%%)%n", http / cli, 100 * (http / cli - 1));
  }

  private static double indexer(Path dir, Path input, TextEncoder encoder) throws Exception {
    IndexMetadata meta = new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT, "default");
    try (ReportIndex index = ReportIndex.openForWriting(dir, meta, IndexSettings.DEFAULTS);
        JsonLinesReader reader = new JsonLinesReader(input, ReadLimits.DEFAULTS);
        ErrorLog errors = new ErrorLog(dir.resolveSibling(dir.getFileName() + ".errors.jsonl"))) {
      IndexingSummary s = new IndexingPipeline(encoder, index, errors, IndexingSettings.DEFAULTS, ProgressListener.NONE).run(reader);
      if (s.indexed() != Files.readAllLines(input).size()) {
        throw new IllegalStateException("indexed " + s.indexed());
      }
      return s.elapsed().toNanos() / 1e9;
    }
  }

  private static double overHttp(Path data, List<String> lines, int perBulk) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (CxrSearchServer server = CxrSearchServer.start(data, Models.resolving("default", EncoderConfig.defaults()),
        ServerOptions.loopbackEphemeral())) {
      String url = server.url() + "/bulk";
      send(client, HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString("{}")));
      long start = System.nanoTime();
      for (int from = 0; from < lines.size(); from += perBulk) {
        StringBuilder body = new StringBuilder();
        for (String line : lines.subList(from, Math.min(lines.size(), from + perBulk))) {
          String id = Json.MAPPER.readTree(line).get("id").asText();
          body.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n").append(line).append('\n');
        }
        String r = send(client, HttpRequest.newBuilder(URI.create(url + "/_bulk")).header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (Json.MAPPER.readTree(r).get("errors").asBoolean()) {
          throw new IllegalStateException("bulk errors: " + r.substring(0, Math.min(500, r.length())));
        }
      }
      send(client, HttpRequest.newBuilder(URI.create(url + "/_flush")).POST(HttpRequest.BodyPublishers.noBody()));
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static String send(HttpClient client, HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r = client.send(b.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
