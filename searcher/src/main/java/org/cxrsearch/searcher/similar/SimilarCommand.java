package org.cxrsearch.searcher.similar;

import java.util.List;
import java.util.concurrent.Callable;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.searcher.common.HitsOutput;
import org.cxrsearch.searcher.common.IndexOptions;
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

  @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "Hits. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(names = "--filter", paramLabel = "FIELD=VALUE", description = "Restrict to reports with FIELD=VALUE; repeatable.")
  List<String> filters = List.of();

  @Option(names = "--explain", description = "Show the KNN score and rank of each hit.")
  boolean explain;

  @Option(names = "--json", description = "Print JSON: {\"hits\": [...], \"took_ms\": ...}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<FieldFilter> parsed = filters.stream().map(FieldFilter::parse).toList();
    try (ReportIndex idx = index.open()) {
      long start = System.nanoTime();
      List<SearchHit> hits = new ReportSearcher(idx).similar(id, k, parsed);
      HitsOutput.print(spec.commandLine().getOut(), hits, (System.nanoTime() - start) / 1_000_000, json, explain);
    }
    return 0;
  }
}
