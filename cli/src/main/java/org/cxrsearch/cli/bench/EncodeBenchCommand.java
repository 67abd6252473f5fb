package org.cxrsearch.cli.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.encode.StageTimes;
import org.cxrsearch.onnx.encode.StageTimes.Stage;
import org.cxrsearch.onnx.tokenize.TokenizedText;
import org.cxrsearch.cli.ModelOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxrsearch bench-encode}: throughput of the encoder pipeline on synthetic report-like texts
 * (documents through the separator path, as the indexer sends them), and where the time goes:
 * tokenize, pack, run, unpack. A benchmark, not a test: its figures are printed, never asserted.
 */
@Command(name = "bench-encode", mixinStandardHelpOptions = true,
    description = "Benchmark the encoder on synthetic reports: reports/s and time per stage.")
public final class EncodeBenchCommand implements Callable<Integer> {

  @Mixin ModelOptions model;

  @Option(names = "--reports", defaultValue = "20000", description = "Reports per measured round. Default: ${DEFAULT-VALUE}.")
  int reports;

  @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds (after one warm-up round). Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--chunk", defaultValue = "1024", description = "Texts per encoder call. Default: ${DEFAULT-VALUE}.")
  int chunk;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Override
  public Integer call() {
    List<String> texts = new SyntheticReports(seed).generate(reports);
    try (OnnxEncoder encoder = model.open()) {
      int[] lengths = encoder.tokenizeWithInstruction(texts.stream().map(t -> encoder.info().instructionFormat().apply("", t)).toList())
          .stream().mapToInt(TokenizedText::length).sorted().toArray();
      System.out.printf("model %s (%s, %d-d), device %s, batch %s%n", encoder.info().name(), encoder.info().family().id(),
          encoder.info().dimensions(), encoder.device(), model.config());
      System.out.printf("reports %d: tokens mean %.1f, p50 %d, p99 %d, max %d%n", texts.size(),
          Arrays.stream(lengths).average().orElse(0), lengths[lengths.length / 2], lengths[(int) (lengths.length * 0.99)],
          lengths[lengths.length - 1]);
      round(encoder, texts); // warm-up: JIT, ONNX Runtime arena
      for (int r = 1; r <= rounds; r++) {
        StageTimes.Snapshot before = encoder.stageTimes();
        long t0 = System.nanoTime();
        round(encoder, texts);
        long wall = System.nanoTime() - t0;
        report(r, wall, encoder.stageTimes().minus(before));
      }
    }
    return 0;
  }

  private void round(OnnxEncoder encoder, List<String> texts) {
    for (int i = 0; i < texts.size(); i += chunk) {
      encoder.encodeDocuments(texts.subList(i, Math.min(texts.size(), i + chunk)));
    }
  }

  private static void report(int round, long wallNanos, StageTimes.Snapshot s) {
    double wall = wallNanos / 1e9;
    long javaNanos = s.nanos(Stage.TOKENIZE) + s.nanos(Stage.PACK) + s.nanos(Stage.UNPACK);
    StringBuilder stages = new StringBuilder();
    for (Stage st : Stage.values()) {
      stages.append(String.format(" %s %.0f ms (%.0f%%)", st.name().toLowerCase(java.util.Locale.ROOT),
          s.nanos(st) / 1e6, 100.0 * s.nanos(st) / wallNanos));
    }
    System.out.printf("round %d: %.0f reports/s, %.0f tokens/s, padding %.1f%%, wall %.2f s;%s; java-side capacity %.0f reports/s%n",
        round, s.texts() / wall, s.tokens() / wall, 100.0 * (s.paddedTokens() - s.tokens()) / s.paddedTokens(), wall,
        stages, s.texts() / (javaNanos / 1e9));
  }
}
