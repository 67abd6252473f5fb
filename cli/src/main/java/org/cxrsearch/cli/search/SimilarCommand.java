package org.cxrsearch.cli.search;

import org.cxrsearch.cli.PositiveInt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cxrsearch.lucene.fuse.PartScore;
import org.cxrsearch.lucene.radiology.SimilarCases;
import org.cxrsearch.radiology.extract.FindingExtractor;
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
 * needed), the report itself excluded inside the search. With the radiology layer, vector neighbours
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
      if (radiology.open(idx) == null) {
        output.print(spec.commandLine().getOut(), new ReportSearcher(idx).similar(id, k, parsed), start);
        return 0;
      }
      // vector neighbours and BM25 on the report's affirmed words, ranked with the agreement of finding states
      List<SimilarCases.Case> cases = new SimilarCases(FindingExtractor.standard(), SimilarCases.Weights.DEFAULT).similar(idx, id, k, parsed);
      List<SearchHit> hits = new ArrayList<>();
      Map<String, SimilarCases.Case> byId = new HashMap<>();
      SimilarCases.Weights w = SimilarCases.Weights.DEFAULT;
      for (SimilarCases.Case c : cases) {
        byId.put(c.id(), c);
        hits.add(new SearchHit(hits.size() + 1, c.score(), c.text() == 0 ? null : c.text(), c.cosine(), List.of(
            new PartScore("knn", c.cosine(), hits.size() + 1, w.vector() * c.cosine()),
            new PartScore("findings", c.agreement().score(), hits.size() + 1, w.agreement() * c.agreement().score()),
            new PartScore("bm25", c.text(), hits.size() + 1, w.text() * c.text())), "similar-cases", c.report()));
      }
      output.print(spec.commandLine().getOut(), hits, start, new HitsOutput.Extras(List.of(), Map.of(), h -> {
        SimilarCases.Case c = byId.get(h.id());
        return "shared " + c.agreement().shared() + ", conflicting " + c.agreement().conflicting();
      }));
    }
    return 0;
  }
}
