package org.cxrsearch.cli.radiology;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cxrsearch.cli.bench.SyntheticReports;
import org.cxrsearch.radiology.extract.FindingExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch bench-labels}: finding extraction throughput on synthetic reports (or an input
 * file), on one thread and on {@code --threads}, after a warm-up pass. Figures are printed, never asserted.
 */
@Command(name = "bench-labels", mixinStandardHelpOptions = true,
    description = "Measure finding extraction speed (reports/s) on synthetic reports, single-threaded and with --threads.")
public final class BenchLabelsCommand implements Callable<Integer> {

  @Option(names = "--reports", paramLabel = "N", defaultValue = "20000", description = "Synthetic reports. Default: ${DEFAULT-VALUE}.")
  int reports;

  @Option(names = "--threads", paramLabel = "T", defaultValue = "2", description = "Threads of the parallel run. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--rounds", paramLabel = "R", defaultValue = "3", description = "Timed rounds (best is printed). Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (reports <= 0 || threads <= 0 || rounds <= 0) {
      throw new IllegalArgumentException("--reports, --threads and --rounds must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> texts = new SyntheticReports(seed).generate(reports);
    long chars = 0;
    for (String t : texts) {
      chars += t.length();
    }
    FindingExtractor x = FindingExtractor.standard();
    long mentions = 0;
    for (String t : texts) { // warm-up, and a count that keeps the work observable
      mentions += x.extract(t).mentions().size();
    }
    out.printf("bench-labels: %d synthetic reports, %.0f chars/report, %.1f mentions/report, lexicon of %d findings%n",
        reports, (double) chars / reports, (double) mentions / reports, x.lexicon().findings().size());
    double one = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      long n = 0;
      for (String t : texts) {
        n += x.extract(t).states().size();
      }
      one = Math.max(one, reports / ((System.nanoTime() - t0) / 1e9));
      if (n == 0) {
        out.println("(no findings)");
      }
    }
    out.printf("1 thread:  %,.0f reports/s%n", one);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    double many = 0;
    try {
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        List<Future<Long>> parts = new ArrayList<>();
        for (int p = 0; p < threads; p++) {
          int from = reports * p / threads;
          int to = reports * (p + 1) / threads;
          parts.add(pool.submit(() -> {
            long n = 0;
            for (String t : texts.subList(from, to)) {
              n += x.extract(t).states().size();
            }
            return n;
          }));
        }
        for (Future<Long> f : parts) {
          f.get();
        }
        many = Math.max(many, reports / ((System.nanoTime() - t0) / 1e9));
      }
    } finally {
      pool.shutdownNow();
    }
    out.printf("%d threads: %,.0f reports/s (best of %d rounds; %d cores available)%n", threads, many, rounds,
        Runtime.getRuntime().availableProcessors());
    out.flush();
    return 0;
  }
}
