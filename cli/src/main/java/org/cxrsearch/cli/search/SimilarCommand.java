package org.cxrsearch.cli.search;

import org.cxrsearch.cli.PositiveInt;
import java.util.List;
import java.util.concurrent.Callable;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.search.FilterOptions;
import org.cxrsearch.cli.search.IndexOptions;
import org.cxrsearch.cli.search.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch similar}: the reports nearest to a stored report, by its stored vector (no model
 * needed), the report itself excluded inside the search.
 */
@Command(name = "similar", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Reports most similar to report --id, by its stored vector (the report itself excluded).")
public final class SimilarCommand implements Callable<Integer> {

  @Mixin IndexOptions index;

  @Option(names = "--id", required = true, paramLabel = "ID", description = "The report to start from.")
  String id;

  @Option(names = "-k", paramLabel = "K", defaultValue = "10", converter = PositiveInt.class, description = "Hits. Default: ${DEFAULT-VALUE}.")
  int k;

  @Mixin FilterOptions filters;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<FieldFilter> parsed = filters.parsed();
    try (ReportIndex idx = index.open()) {
      long start = System.nanoTime();
      List<SearchHit> hits = new ReportSearcher(idx).similar(id, k, parsed);
      output.print(spec.commandLine().getOut(), hits, start);
    }
    return 0;
  }
}
