package org.cxrsearch.cli.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cxrsearch.onnx.bundle.ModelResolver;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.server.CxrSearchServer;
import org.cxrsearch.server.http.ApiKeys;
import org.cxrsearch.server.http.Limits;
import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.index.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cxrsearch serve}: the server of {@code server/} on a data directory. Runs until SIGTERM or
 * Ctrl-C, then shuts down gracefully (in-flight requests finish, every index is committed and closed).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Serve every index under --data over HTTP: an Elasticsearch-compatible API (see server/README.md).",
      "Binds 127.0.0.1 unless --bind says otherwise; another address needs --api-key-file (or --insecure)."
    })
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory holding one index per sub-directory (created if missing).")
  Path data;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "9200", description = "TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ServerOptions.LOOPBACK, description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--api-key-file", paramLabel = "FILE", description = "File with one accepted API key per line (Authorization: ApiKey KEY or Bearer KEY).")
  Path apiKeyFile;

  @Option(names = "--insecure", description = "Allow binding a non-loopback address without API keys.")
  boolean insecure;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = ModelResolver.DEFAULT,
      description = "Model of new indexes and of the embeddings API (as in `cxrsearch index --model`). Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(names = "--allow-model", paramLabel = "MODEL",
      description = "Another model a create-index request may name in index.cxr.model (repeatable). Requests can name no other: opening a model reads local files or the hub.")
  List<String> allowedModels = new ArrayList<>();

  @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Allow browser pages of this origin (repeatable). Default: CORS off.")
  List<String> corsOrigins = new ArrayList<>();

  @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "16", description = "Requests served at once. Default: ${DEFAULT-VALUE}.")
  int maxConcurrent;

  @Option(names = "--max-queued", paramLabel = "N", defaultValue = "64", description = "Requests waiting for a slot; more get 429. Default: ${DEFAULT-VALUE}.")
  int maxQueued;

  @Option(names = "--search-timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Longest search; then 504. Default: ${DEFAULT-VALUE}.")
  int searchTimeoutSeconds;

  @Override
  public Integer call() throws Exception {
    ApiKeys keys = apiKeyFile == null ? ApiKeys.none() : ApiKeys.read(apiKeyFile);
    Limits limits = Limits.DEFAULTS.withSearchTimeout(Duration.ofSeconds(searchTimeoutSeconds))
        .withConcurrency(maxConcurrent, maxQueued, Limits.DEFAULTS.queueWait());
    ServerOptions options = new ServerOptions(bind, port, keys, insecure, corsOrigins, limits);
    CountDownLatch stopped = new CountDownLatch(1);
    CxrSearchServer server = CxrSearchServer.start(data, Models.resolving(model, allowedModels, EncoderConfig.defaults()), options);
    System.err.println("cxrsearch serve: listening on " + server.url() + " (data " + data.toAbsolutePath() + ")");
    // The JVM runs shutdown hooks on SIGTERM and Ctrl-C: commit and close before it exits.
    Thread hook = new Thread(() -> {
      try {
        server.close();
        System.err.println("cxrsearch serve: stopped; every index committed");
      } catch (Exception e) {
        System.err.println("cxrsearch serve: error while stopping: " + e);
      } finally {
        stopped.countDown();
      }
    }, "cxrsearch-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return 0;
  }
}
