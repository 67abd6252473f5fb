package org.cxrsearch.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.lucene.util.VectorUtil;
import org.cxrsearch.lucene.codec.HnswParams;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.InstructionFormat;
import org.cxrsearch.onnx.io.FileOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cxrsearch bench-search}: recall@k against exact search and single-threaded latency of KNN
 * (per quantization, with oversampling and exact rescoring) and hybrid queries over a synthetic
 * clustered data set ({@link ClusteredVectors}), plus build time, heap and disk per index.
 *
 * <p>Indexes are built under {@code --work} once and reused by later runs with the same
 * parameters, so a run can be repeated on a quiet machine to measure latency alone.
 */
@Command(name = "bench-search", mixinStandardHelpOptions = true,
    description = "Benchmark KNN/hybrid search on synthetic clustered vectors: recall@k vs exact search, p50/p99 latency, heap and disk.")
public final class BenchSearchCommand implements Callable<Integer> {

  @Option(names = "--work", required = true, paramLabel = "DIR", description = "Where the benchmark indexes are built (reused when present).")
  Path work;

  @Option(names = "--docs", defaultValue = "100000", description = "Documents. Default: ${DEFAULT-VALUE}.")
  int docs;

  @Option(names = "--dims", defaultValue = "2048", description = "Vector dimension. Default: ${DEFAULT-VALUE}.")
  int dims;

  @Option(names = "--clusters", defaultValue = "100", description = "Clusters. Default: ${DEFAULT-VALUE}.")
  int clusters;

  @Option(names = "--spread", defaultValue = "0.8", description = "In-cluster variation. Default: ${DEFAULT-VALUE}.")
  double spread;

  @Option(names = "--noise", defaultValue = "0.3", description = "Isotropic noise. Default: ${DEFAULT-VALUE}.")
  double noise;

  @Option(names = "--queries", defaultValue = "200", description = "Measured queries. Default: ${DEFAULT-VALUE}.")
  int queries;

  @Option(names = "--warmup", defaultValue = "100", description = "Unmeasured queries first. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "-k", defaultValue = "10", description = "Hits a query. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(names = "--candidates", split = ",", defaultValue = "0",
      description = "HNSW candidate counts to try (0 = automatic: max(k,100) x the quantization's oversample). Default: ${DEFAULT-VALUE}.")
  List<Integer> candidates;

  @Option(names = "--quantization", split = ",", defaultValue = "float,int8,int4,binary",
      description = "Formats to benchmark. Default: ${DEFAULT-VALUE}.")
  List<String> quantizations;

  @Option(names = "--hnsw-m", defaultValue = "16", description = "HNSW M. Default: ${DEFAULT-VALUE}.")
  int maxConn;

  @Option(names = "--beam-width", defaultValue = "100", description = "HNSW beam width. Default: ${DEFAULT-VALUE}.")
  int beamWidth;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ClusteredVectors data = new ClusteredVectors(docs, dims, clusters, spread, noise, seed);
    out.printf(Locale.ROOT, "bench-search: %s, k=%d, HNSW M=%d beamWidth=%d, %d queries after %d warm-up, %d cores, max heap %d MiB%n",
        data, k, maxConn, beamWidth, queries, warmup, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    float[][] centres = data.centres();
    long t0 = System.nanoTime();
    float[][] vectors = new float[docs][];
    for (int i = 0; i < docs; i++) {
      vectors[i] = data.vector(centres, i, 1);
    }
    int total = warmup + queries;
    float[][] queryVectors = new float[total][];
    String[] queryTexts = new String[total];
    for (int i = 0; i < total; i++) {
      queryVectors[i] = data.vector(centres, i, 2);
      queryTexts[i] = data.text(i, 2).replaceAll(" c\\d+$", ""); // the cluster tag would make BM25 trivial
    }
    out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    t0 = System.nanoTime();
    List<Set<Integer>> truth = new ArrayList<>();
    for (int q = warmup; q < total; q++) {
      truth.add(exactTopK(vectors, queryVectors[q], k));
    }
    out.printf(Locale.ROOT, "exact (brute-force) search: %.1f ms a query%n", (System.nanoTime() - t0) / 1e6 / queries);

    for (String name : quantizations) {
      VectorQuantization quantization = VectorQuantization.parse(name);
      Path dir = work.resolve(quantization.name().toLowerCase(Locale.ROOT) + "-" + docs + "x" + dims + "-m" + maxConn + "-b" + beamWidth + "-s" + seed);
      build(out, data, vectors, quantization, dir);
      long heapBefore = usedHeapAfterGc();
      try (ReportIndex index = ReportIndex.openReadOnly(dir)) {
        ReportSearcher searcher = new ReportSearcher(index);
        for (int c : candidates) {
          long[] nanos = new long[queries];
          double recall = 0;
          for (int q = 0; q < total; q++) {
            SearchRequest req = SearchRequest.builder(SearchMode.KNN).vector(queryVectors[q]).k(k).candidates(c).build();
            long s = System.nanoTime();
            List<SearchHit> hits = searcher.search(req);
            long e = System.nanoTime() - s;
            if (q >= warmup) {
              nanos[q - warmup] = e;
              recall += recall(hits, truth.get(q - warmup));
            }
          }
          Percentiles p = Percentiles.ofNanos(nanos);
          out.printf(Locale.ROOT, "%-7s knn    candidates=%-5s recall@%d=%.4f  p50=%.2f ms  p99=%.2f ms  mean=%.2f ms%n",
              quantization, c == 0 ? "auto" : c, k, recall / queries, p.p50(), p.p99(), p.mean());
        }
        long[] nanos = new long[queries];
        for (int q = 0; q < total; q++) {
          SearchRequest req = SearchRequest.builder(SearchMode.HYBRID).text(queryTexts[q]).vector(queryVectors[q]).k(k).build();
          long s = System.nanoTime();
          searcher.search(req);
          long e = System.nanoTime() - s;
          if (q >= warmup) {
            nanos[q - warmup] = e;
          }
        }
        Percentiles p = Percentiles.ofNanos(nanos);
        out.printf(Locale.ROOT, "%-7s hybrid rrf depth=%d  p50=%.2f ms  p99=%.2f ms  mean=%.2f ms%n", quantization, SearchRequest.DEFAULT_DEPTH, p.p50(), p.p99(), p.mean());
        long heap = usedHeapAfterGc() - heapBefore;
        out.printf(Locale.ROOT, "%-7s heap of the open index %.1f MiB; disk %.1f MiB %s%n",
            quantization, heap / 1048576.0, index.sizeOnDisk() / 1048576.0, diskByExtension(dir));
      }
      out.flush();
    }
    return 0;
  }

  private void build(PrintWriter out, ClusteredVectors data, float[][] vectors, VectorQuantization q, Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (ReportIndex existing = ReportIndex.openReadOnly(dir)) {
        if (existing.numDocs() == docs) {
          out.printf(Locale.ROOT, "%-7s reusing %s%n", q, dir);
          return;
        }
      } catch (IOException | IllegalArgumentException e) {
        // incomplete: rebuild below
      }
      FileOps.deleteRecursively(dir);
    }
    EncoderInfo synthetic = new EncoderInfo("synthetic-" + dims, ModelFamily.LLM2VEC4CXR, dims, "synthetic-" + seed, InstructionFormat.LLM2VEC);
    // one big RAM buffer (Lucene's per-thread cap is 2 GiB), so the index is one segment, one graph
    IndexSettings settings = IndexSettings.DEFAULTS.withHnsw(new HnswParams(maxConn, beamWidth)).withRamBufferMb(1900);
    long t0 = System.nanoTime();
    try (ReportIndex index = ReportIndex.openForWriting(dir, new IndexMetadata(synthetic, "", q, "synthetic"), settings)) {
      for (int i = 0; i < docs; i++) {
        index.upsert(ReportDocument.of("d" + i, data.text(i, 1)), vectors[i]);
        if ((i + 1) % 20000 == 0) {
          out.printf(Locale.ROOT, "%-7s indexed %d docs, %.0f s%n", q, i + 1, (System.nanoTime() - t0) / 1e9);
          out.flush();
        }
      }
      index.commit();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "%-7s built in %.1f s (%.0f docs/s, single indexing thread)%n", q, secs, docs / secs);
  }

  private static Set<Integer> exactTopK(float[][] vectors, float[] query, int k) {
    PriorityQueue<float[]> heap = new PriorityQueue<>(Comparator.comparingDouble(a -> a[0]));
    for (int i = 0; i < vectors.length; i++) {
      float s = VectorUtil.dotProduct(vectors[i], query);
      if (heap.size() < k) {
        heap.add(new float[] {s, i});
      } else if (s > heap.peek()[0]) {
        heap.poll();
        heap.add(new float[] {s, i});
      }
    }
    Set<Integer> ids = new HashSet<>();
    heap.forEach(a -> ids.add((int) a[1]));
    return ids;
  }

  private static double recall(List<SearchHit> hits, Set<Integer> truth) {
    int found = 0;
    for (SearchHit h : hits) {
      if (truth.contains(Integer.parseInt(h.id().substring(1)))) {
        found++;
      }
    }
    return (double) found / truth.size();
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static String diskByExtension(Path dir) throws IOException {
    Map<String, Long> bytes = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        bytes.merge(dot < 0 ? n : n.substring(dot + 1), Files.size(p), Long::sum);
      }
    }
    StringBuilder sb = new StringBuilder("(");
    bytes.forEach((ext, b) -> {
      if (b >= 1 << 20) {
        sb.append(sb.length() > 1 ? ", " : "").append(ext).append(' ').append(String.format(Locale.ROOT, "%.1f MiB", b / 1048576.0));
      }
    });
    return sb.append(')').toString();
  }
}
