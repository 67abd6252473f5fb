package org.cxrsearch.cli.search;

import org.cxrsearch.searcher.stats.IndexStats;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.search.HitsOutput;
import org.cxrsearch.cli.search.IndexOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cxrsearch stats}: document count, model, dimensions, quantization and size of an index. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Show what an index holds: documents, model, dimensions, quantization, segments, size.")
public final class StatsCommand implements Callable<Integer> {

  @Mixin IndexOptions index;

  @Option(names = "--json", description = "Print JSON: {\"documents\": N, \"model\": ..., \"dimensions\": ..., ...}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (ReportIndex idx = index.open()) {
      var stats = IndexStats.of(idx).toJson();
      if (json) {
        out.println(HitsOutput.write(stats));
      } else {
        stats.forEach((k, v) -> out.printf("%-21s %s%n", k, v));
      }
    }
    out.flush();
    return 0;
  }
}
