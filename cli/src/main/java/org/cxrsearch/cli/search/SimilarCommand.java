package org.cxrsearch.cli.search;

import org.cxrsearch.cli.PositiveInt;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.radiology.SimilarCases;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.searcher.search.SimilarSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch similar}: the reports nearest to a stored report, by its stored vector (no model
 * needed), the report itself excluded inside the search; a translation of flags into
 * {@link SimilarSearch} and of its result into text or JSON. With the radiology layer, vector neighbours
 * and BM25 matches on the report's affirmed words are ranked with the agreement of their finding
 * states ({@link SimilarCases}); {@code --explain} shows the shared and conflicting findings.
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

  @Mixin org.cxrsearch.cli.radiology.RadiologySwitch radiology;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<FieldFilter> parsed = filters.parsed();
    try (ReportIndex idx = index.open()) {
      long start = System.nanoTime();
      SimilarSearch.Result result = SimilarSearch.open(idx, radiology.layer()).similar(id, k, parsed);
      HitsOutput.Extras extras = result.explanations().isEmpty() ? HitsOutput.Extras.NONE
          : new HitsOutput.Extras(List.of(), Map.of(), h -> result.explanations().get(h.id()));
      output.print(spec.commandLine().getOut(), result.hits(), start, extras);
    }
    return 0;
  }
}
