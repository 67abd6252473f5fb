package org.cxrsearch.cli.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.cxrsearch.onnx.convert.checkpoint.CheckpointLayout;
import org.cxrsearch.onnx.convert.checkpoint.LlamaConfig;
import org.cxrsearch.onnx.convert.safetensors.Checkpoint;
import org.cxrsearch.onnx.pool.Vectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch bench-convert}: throughput of converted bundles on the same random batch
 * (tokens/s, GFLOP/s, share of the measured MatMul peak) and each bundle's cosine to the first
 * one. A benchmark command, not a test: run it on an otherwise idle machine and quote its output.
 */
@Command(name = "bench-convert", mixinStandardHelpOptions = true,
    description = "Times converted LLM2Vec4CXR bundles against each other and against the CPU's MatMul peak.")
public final class BenchConvertCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--bundle", required = true, paramLabel = "DIR",
      description = "Bundles to time (repeat); cosines are against the first.")
  List<Path> bundles;

  @Option(names = "--from", paramLabel = "HF_DIR", description = "The checkpoint, to count FLOPs per token.")
  Path from;

  @Option(names = "--batch", defaultValue = "4") int batch;

  @Option(names = "--seq", defaultValue = "128") int seq;

  @Option(names = "--threads", defaultValue = "2") int threads;

  @Option(names = "--runs", defaultValue = "3", description = "Timed runs per bundle (after one warm-up).")
  int runs;

  @Option(names = "--peak-m", defaultValue = "2048", description = "Rows of the MatMul-peak probe (0 = skip).")
  int peakM;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    OrtEnvironment env = org.cxrsearch.onnx.run.OrtTelemetry.environment();
    out.printf("bench-convert: batch %d x seq %d, %d intra-op threads, %d runs, %d CPUs visible%n", batch, seq, threads,
        runs, Runtime.getRuntime().availableProcessors());
    // measured before and after the bundles, best kept: on a shared machine either may be disturbed
    double peak = peakM > 0 ? matMulPeak(env, out) : Double.NaN;
    double flopsPerToken = from == null ? Double.NaN : flopsPerToken(from, seq);
    if (from != null) {
      out.printf("model: %.3f GFLOP per token at seq %d%n", flopsPerToken / 1e9, seq);
    }
    long[][] ids = new long[batch][seq];
    long[][] mask = new long[batch][seq];
    Random r = new Random(42);
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < seq; t++) {
        ids[b][t] = t == 0 ? 128000 : r.nextInt(128000);
        mask[b][t] = 1;
      }
    }
    float[][] reference = null;
    List<String> lines = new java.util.ArrayList<>();
    List<Double> rates = new java.util.ArrayList<>();
    for (Path bundle : bundles) {
      try (OrtSession.SessionOptions opts = options();
          OrtSession session = timed(out, "load " + bundle, () -> env.createSession(
              bundle.resolve("model.onnx").toString(), opts))) {
        float[][] e = run(env, session, ids, mask);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
          long t0 = System.nanoTime();
          run(env, session, ids, mask);
          best = Math.min(best, System.nanoTime() - t0);
        }
        double tokensPerSecond = batch * (double) seq / (best / 1e9);
        double gflops = tokensPerSecond * flopsPerToken / 1e9;
        double minCos = 1;
        if (reference == null) {
          reference = e;
        } else {
          for (int b = 0; b < batch; b++) {
            minCos = Math.min(minCos, Vectors.cosine(e[b], reference[b]));
          }
        }
        lines.add(String.format("%-45s best %8.1f ms %7.1f tokens/s %6.1f GFLOP/s  min cos vs first %.6f",
            bundle, best / 1e6, tokensPerSecond, gflops, minCos));
        rates.add(gflops);
        out.println(lines.getLast());
        out.flush();
      }
    }
    if (peakM > 0) {
      peak = Math.max(peak, matMulPeak(env, out));
    }
    out.printf("summary (MatMul peak %.1f GFLOP/s; speed-up vs first bundle):%n", peak);
    for (int i = 0; i < lines.size(); i++) {
      out.printf("  %s  %5.1f%% of peak  x%.2f%n", lines.get(i), 100 * rates.get(i) / peak, rates.get(i) / rates.get(0));
    }
    return 0;
  }

  private OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
    opts.setIntraOpNumThreads(threads);
    opts.setInterOpNumThreads(1);
    opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    return opts;
  }

  private static float[][] run(OrtEnvironment env, OrtSession s, long[][] ids, long[][] mask) throws OrtException {
    try (OnnxTensor i = OnnxTensor.createTensor(env, ids);
        OnnxTensor a = OnnxTensor.createTensor(env, mask);
        OnnxTensor m = OnnxTensor.createTensor(env, mask);
        OrtSession.Result r = s.run(Map.of("input_ids", i, "attention_mask", a, "embed_mask", m))) {
      return (float[][]) r.get(0).getValue();
    }
  }

  /** GFLOP/s of {@code [peakM, 2048] @ [2048, 8192]} (the shape of the MLP's up projection). */
  private double matMulPeak(OrtEnvironment env, PrintWriter out) throws Exception {
    int k = 2048;
    int n = 8192;
    Path dir = Files.createTempDirectory("cxr-matmul-peak");
    try (OrtSession.SessionOptions opts = options();
        OrtSession s = env.createSession(MatMulPeak.write(dir, k, n).toString(), opts)) {
      float[][] x = new float[peakM][k];
      Random r = new Random(3);
      for (float[] row : x) {
        for (int j = 0; j < k; j++) {
          row[j] = (float) r.nextGaussian();
        }
      }
      long best = Long.MAX_VALUE;
      try (OnnxTensor t = OnnxTensor.createTensor(env, x)) {
        for (int i = 0; i <= Math.max(runs, 5); i++) {
          long t0 = System.nanoTime();
          try (OrtSession.Result res = s.run(Map.of("x", t))) {
            best = i == 0 ? best : Math.min(best, System.nanoTime() - t0);
          }
        }
      }
      double gflops = 2.0 * peakM * k * n / (best / 1e9) / 1e9;
      out.printf("MatMul peak: [%d x %d] @ [%d x %d] float32 in %.1f ms = %.1f GFLOP/s%n", peakM, k, k, n, best / 1e6,
          gflops);
      return gflops;
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  /**
   * Multiply-add FLOPs per token: the backbone's projections and attention, the pooling head
   * (query and output projections, MLP, attention over the latents).
   */
  static double flopsPerToken(Path hf, int seq) {
    ObjectMapper json = new ObjectMapper();
    LlamaConfig c = LlamaConfig.read(hf, json);
    long latents;
    try (Checkpoint ck = Checkpoint.open(hf, json)) {
      latents = ck.info(CheckpointLayout.LATENTS).shape()[0];
    }
    double h = c.hiddenSize();
    double q = c.heads() * (double) c.headDim();
    double kv = c.kvHeads() * (double) c.headDim();
    double perLayer = h * (q + 2 * kv) + q * h + 3 * h * c.intermediateSize() + 2 * seq * q;
    double head = 4 * h * h + 2 * latents * h;
    return 2 * (c.layers() * perLayer + head);
  }

  private interface Action<T> {
    T run() throws Exception;
  }

  private static <T> T timed(PrintWriter out, String what, Action<T> action) throws Exception {
    long t0 = System.nanoTime();
    T result = action.run();
    out.printf("%s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    return result;
  }

}
