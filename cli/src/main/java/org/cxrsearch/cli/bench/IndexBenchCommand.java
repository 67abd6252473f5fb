package org.cxrsearch.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.cxrsearch.indexer.pipeline.ErrorLog;
import org.cxrsearch.indexer.pipeline.IndexingPipeline;
import org.cxrsearch.indexer.pipeline.IndexingSettings;
import org.cxrsearch.indexer.pipeline.IndexingSummary;
import org.cxrsearch.indexer.progress.ProgressListener;
import org.cxrsearch.indexer.read.JsonLinesReader;
import org.cxrsearch.indexer.read.ReadLimits;
import org.cxrsearch.lucene.codec.CxrSearchCodec;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.bench.SyntheticReports;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.InstructionFormat;
import org.cxrsearch.onnx.io.FileOps;
import org.cxrsearch.onnx.pool.Vectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch bench-index}: indexing throughput of the whole indexer (read JSON lines →
 * pipeline → {@link ReportIndex} with the full schema) with the encoder replaced by precomputed
 * vectors, against a plain Lucene {@link IndexWriter} fed the same texts and vectors from memory
 * (id, text, vector; the same HNSW codec, since Lucene's default caps vectors at 1024-d, and the
 * same RAM buffer). Both run in the same JVM, alternately, after a warm-up round; the ratio of
 * their times is the indexer's overhead.
 */
@Command(name = "bench-index", mixinStandardHelpOptions = true,
    description = "Benchmark: indexer throughput (encoder replaced by precomputed vectors) vs a plain Lucene IndexWriter.")
public final class IndexBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--docs", defaultValue = "10000", description = "Reports per round. Default: ${DEFAULT-VALUE}.")
  int docs;

  @Option(names = "--dims", defaultValue = "2048", description = "Vector dimensions. Default: ${DEFAULT-VALUE}.")
  int dims;

  @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds of each (after one warm-up). Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--radiology",
      description = "Also run the indexer with the radiology layer on (finding fields) in every round and print its cost against the layer off.")
  boolean radiology;

  @Option(names = "--work-dir", description = "Where to write the input and the indexes. Default: a temporary directory.")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("cxrsearch-bench-index");
    List<String> texts = new SyntheticReports(42).generate(docs);
    Map<String, float[]> vectors = new HashMap<>();
    Random random = new Random(7);
    for (String t : texts) {
      vectors.computeIfAbsent(t, k -> randomUnit(random));
    }
    Path input = work.resolve("reports.jsonl");
    writeInput(input, texts);
    EncoderInfo info = new EncoderInfo("precomputed", ModelFamily.LLM2VEC4CXR, dims, "precomputed-" + dims, InstructionFormat.LLM2VEC);
    out.printf("bench-index: %,d docs, %d-d float vectors, %d rounds after a warm-up, work dir %s, %d cores%n",
        docs, dims, rounds, work, Runtime.getRuntime().availableProcessors());
    out.flush();

    List<Timing> indexer = new ArrayList<>();
    List<Timing> plain = new ArrayList<>();
    List<Timing> schema = new ArrayList<>();
    List<Timing> layered = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) {
      Path plainDir = work.resolve("plain-" + round);
      Path schemaDir = work.resolve("schema-" + round);
      Path indexerDir = work.resolve("indexer-" + round);
      Timing p = Timing.of(() -> plainLucene(plainDir, texts, vectors, false));
      Timing s = Timing.of(() -> plainLucene(schemaDir, texts, vectors, true));
      Timing x = Timing.of(() -> pipeline(indexerDir, input, new PrecomputedEncoder(info, vectors), false));
      Path radiologyDir = work.resolve("radiology-" + round);
      Timing r = radiology ? Timing.of(() -> pipeline(radiologyDir, input, new PrecomputedEncoder(info, vectors), true)) : null;
      out.printf("  %-8s plain IndexWriter %s | + cxrsearch schema %s | cxrsearch indexer %s | wall ratio %.3f, cpu ratio %.3f%n",
          round == 0 ? "warm-up" : "round " + round, p, s, x, x.wall() / p.wall(), x.cpu() / p.cpu());
      if (r != null) {
        out.printf("  %-8s indexer + radiology layer %s | wall ratio %.3f, cpu ratio %.3f against the layer off%n",
            "", r, r.wall() / x.wall(), r.cpu() / x.cpu());
      }
      out.flush();
      if (round > 0) {
        plain.add(p);
        schema.add(s);
        indexer.add(x);
        if (r != null) {
          layered.add(r);
        }
      }
      for (Path d : List.of(plainDir, schemaDir, indexerDir, radiologyDir)) {
        deleteTree(d);
      }
    }
    double pw = median(plain, Timing::wall);
    double xw = median(indexer, Timing::wall);
    double pc = median(plain, Timing::cpu);
    double xc = median(indexer, Timing::cpu);
    out.printf("median wall: plain %.2f s (%.1f docs/s), plain + schema %.2f s, indexer %.2f s (%.1f docs/s): overhead %+.1f%%%n",
        pw, docs / pw, median(schema, Timing::wall), xw, docs / xw, (xw / pw - 1) * 100);
    out.printf("median cpu:  plain %.2f s, plain + schema %.2f s, indexer %.2f s: overhead %+.1f%%%n",
        pc, median(schema, Timing::cpu), xc, (xc / pc - 1) * 100);
    if (radiology) {
      double rw = median(layered, Timing::wall);
      double rc = median(layered, Timing::cpu);
      out.printf("median radiology layer: indexer %.2f s wall (%.1f docs/s), %.2f s cpu: %+.1f%% wall, %+.1f%% cpu against the layer off%n",
          rw, docs / rw, rc, (rw / xw - 1) * 100, (rc / xc - 1) * 100);
    }
    if (workDir == null) {
      deleteTree(work);
    }
    return 0;
  }

  /**
   * Wall-clock and process CPU seconds of one run. CPU time (all threads of the JVM) is the steadier
   * measure on a machine shared with other work, where wall time depends on what else runs.
   */
  record Timing(double wall, double cpu) {

    interface Run {
      void run() throws Exception;
    }

    static Timing of(Run run) throws Exception {
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      run.run();
      return new Timing((System.nanoTime() - wall0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9);
    }

    @Override
    public String toString() {
      return String.format("%6.2f s wall, %6.2f s cpu", wall, cpu);
    }
  }

  private void pipeline(Path indexDir, Path input, PrecomputedEncoder encoder, boolean radiologyLayer) throws Exception {
    try (ReportIndex index = ReportIndex.openForWriting(indexDir, new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT),
            IndexSettings.DEFAULTS.withRadiology(radiologyLayer));
        ErrorLog errors = new ErrorLog(indexDir.resolveSibling(indexDir.getFileName() + ".errors.jsonl"));
        JsonLinesReader reader = new JsonLinesReader(input, ReadLimits.DEFAULTS)) {
      IndexingSettings settings = IndexingSettings.DEFAULTS.withCommits(Integer.MAX_VALUE, Duration.ofDays(1));
      IndexingSummary s = new IndexingPipeline(encoder, index, errors, settings, ProgressListener.NONE).run(reader);
      if (s.indexed() != docs) {
        throw new IllegalStateException("indexed " + s.indexed() + " of " + docs);
      }
    }
  }

  /**
   * A plain writer adding documents from memory: either the minimal id + text + vector, or, with
   * {@code cxrsearchSchema}, the documents {@link ReportDocumentMapper} builds (all stored fields,
   * content hash, report analyzer) to separate the schema's cost from the pipeline's.
   */
  private void plainLucene(Path indexDir, List<String> texts, Map<String, float[]> vectors, boolean cxrsearchSchema)
      throws IOException {
    ReportDocumentMapper mapper = new ReportDocumentMapper(dims);
    IndexWriterConfig config =
        new IndexWriterConfig(cxrsearchSchema ? new ReportAnalyzer() : new StandardAnalyzer())
            .setCodec(new CxrSearchCodec(VectorQuantization.FLOAT, IndexSettings.DEFAULTS.hnsw()))
            .setRAMBufferSizeMB(IndexSettings.DEFAULTS.ramBufferMb());
    try (FSDirectory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, config)) {
      for (int i = 0; i < texts.size(); i++) {
        float[] vector = vectors.get(texts.get(i));
        Document doc;
        if (cxrsearchSchema) {
          doc = mapper.toDocument(ReportDocument.of("R" + i, texts.get(i)), vector);
        } else {
          doc = new Document();
          doc.add(new StringField("id", "R" + i, Field.Store.YES));
          doc.add(new TextField("text", texts.get(i), Field.Store.YES));
          doc.add(new KnnFloatVectorField("vector", vector, ReportDocumentMapper.SIMILARITY));
        }
        writer.addDocument(doc);
      }
      writer.commit();
    }
  }

  private static void writeInput(Path input, List<String> texts) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      for (int i = 0; i < texts.size(); i++) {
        Map<String, String> rec = new LinkedHashMap<>();
        rec.put("id", "R" + i);
        rec.put("text", texts.get(i));
        w.write(json.writeValueAsString(rec));
        w.write('\n');
      }
    }
  }

  private float[] randomUnit(Random random) {
    float[] v = new float[dims];
    for (int i = 0; i < dims; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return Vectors.l2Normalized(v);
  }

  private static double median(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> measure) {
    List<Double> s = timings.stream().map(measure::applyAsDouble).sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static void deleteTree(Path root) throws IOException {
    FileOps.deleteRecursively(root);
    Files.deleteIfExists(root.resolveSibling(root.getFileName() + ".errors.jsonl"));
  }
}
