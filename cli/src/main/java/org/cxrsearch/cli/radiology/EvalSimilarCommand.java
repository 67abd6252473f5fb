package org.cxrsearch.cli.radiology;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cxrsearch.lucene.radiology.SimilarCases;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.radiology.eval.CaseJudgement;
import org.cxrsearch.radiology.extract.FindingExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch eval-similar}: nDCG@k of similar-case search where a neighbour's gain is the
 * Jaccard overlap of its MeSH headings with the source's, for every judged source report with
 * findings; the vector alone (radiology off) and the radiology-aware ranking (on) in one run.
 */
@Command(name = "eval-similar", mixinStandardHelpOptions = true,
    description = {"Evaluate `similar`: nDCG@k with the MeSH-heading Jaccard overlap as gain, radiology layer off and on.",
        "Sources are the judged reports whose MeSH has a heading other than 'normal'; every judged report is a candidate."})
public final class EvalSimilarCommand implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
  Path index;

  @Option(names = "--gold", required = true, paramLabel = "CSV", description = "Reports CSV with uid and MeSH columns (e.g. the IU dev_reports.csv).")
  Path gold;

  @Mixin IdSelection selection;

  @Option(names = {"-k"}, paramLabel = "K", defaultValue = "10", description = "Cut-off. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(names = "--weights", paramLabel = "V,A,T", defaultValue = "1.0,2.0,0.5",
      description = "Weights of cosine, finding agreement and BM25 text in the radiology ranking. Default: ${DEFAULT-VALUE}.")
  String weightSpec;

  @Option(names = "--json", description = "Print {\"sources\", \"ndcg\": {\"off\", \"on\"}}.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> mesh = GoldFile.mesh(gold);
    Set<String> keep = selection.read();
    if (keep != null) {
      mesh.keySet().retainAll(keep);
    }
    String[] w = weightSpec.split(",");
    if (w.length != 3) {
      throw new IllegalArgumentException("--weights: expected three numbers V,A,T, got '" + weightSpec + "'");
    }
    SimilarCases cases = new SimilarCases(FindingExtractor.standard(),
        new SimilarCases.Weights(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]), SimilarCases.Weights.DEFAULT.pool()));
    Map<String, Set<String>> headings = new LinkedHashMap<>();
    mesh.forEach((id, m) -> headings.put(id, CaseJudgement.headings(m)));
    double off = 0;
    double on = 0;
    int sources = 0;
    try (ReportIndex idx = ReportIndex.openReadOnly(index)) {
      ReportSearcher searcher = new ReportSearcher(idx);
      for (var e : headings.entrySet()) {
        Set<String> h = e.getValue();
        if (h.isEmpty() || h.equals(Set.of("normal")) || idx.get(e.getKey()).isEmpty()) {
          continue;
        }
        List<Double> all = new ArrayList<>();
        headings.forEach((other, oh) -> {
          if (!other.equals(e.getKey())) {
            all.add(CaseJudgement.jaccard(h, oh));
          }
        });
        List<Double> offGains = new ArrayList<>();
        for (SearchHit hit : searcher.similar(e.getKey(), k, List.of())) {
          offGains.add(CaseJudgement.jaccard(h, headings.getOrDefault(hit.id(), Set.of())));
        }
        List<Double> onGains = new ArrayList<>();
        for (SimilarCases.Case c : cases.similar(idx, e.getKey(), k, List.of())) {
          onGains.add(CaseJudgement.jaccard(h, headings.getOrDefault(c.id(), Set.of())));
        }
        off += CaseJudgement.ndcg(offGains, all, k);
        on += CaseJudgement.ndcg(onGains, all, k);
        sources++;
      }
    }
    if (sources == 0) {
      throw new IllegalArgumentException("no judged report with findings is in " + index);
    }
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(Map.of("sources", sources, "k", k, "ndcg", Map.of("off", off / sources, "on", on / sources))));
    } else {
      out.printf("eval-similar: %d source reports, nDCG@%d with MeSH-heading Jaccard gain%n", sources, k);
      out.printf("  radiology off (vector neighbours):            %.4f%n", off / sources);
      out.printf("  radiology on  (vector + findings + BM25 %s): %.4f%n", weightSpec, on / sources);
    }
    out.flush();
    return 0;
  }
}
