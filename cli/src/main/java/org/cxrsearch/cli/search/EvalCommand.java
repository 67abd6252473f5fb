package org.cxrsearch.cli.search;

import org.cxrsearch.searcher.eval.EvalQuery;
import org.cxrsearch.searcher.eval.EvalReport;
import org.cxrsearch.searcher.eval.Qrels;
import org.cxrsearch.searcher.eval.RunFile;
import org.cxrsearch.searcher.eval.QueryScores;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cxrsearch.lucene.radiology.RadiologySearch;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.searcher.search.QueryEncoder;
import org.cxrsearch.searcher.search.QuerySearch;
import org.cxrsearch.searcher.search.RadiologyLayer;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.ModelOptions;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.searcher.common.IndexModel;
import org.cxrsearch.cli.search.IndexOptions;
import org.cxrsearch.cli.search.FusionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch eval}: runs every query of a TSV file against an index and scores the rankings
 * against graded qrels ({@link QueryScores} has the definitions, those of {@code iu_eval.py}).
 * Query texts are plain words: BM25 searches their words ({@link Bm25QueryParser#plainText}).
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate retrieval quality: MAP, nDCG@10, P@10 and the share of hard negatives in the top 10.",
      "Formats of the IU X-ray finding queries: queries TSV with columns qid and the query text; qrels TSV"
          + " 'qid uid grade' (1 relevant, 0 hard negative, -1 dropped from the ranking before scoring)."
    })
public final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexOptions index;

  @Option(names = "--queries", required = true, paramLabel = "TSV", description = "Queries: columns qid and the --query-column.")
  Path queriesFile;

  @Option(names = "--qrels", required = true, paramLabel = "FILE",
      description = "Judgements: a TSV with a header naming qid, uid, grade, or TREC qrels without a header"
          + " (qid 0 uid grade, or qid uid grade; whitespace-separated).")
  Path qrelsFile;

  @Option(names = "--query-column", paramLabel = "NAME", defaultValue = "query",
      description = "Column holding the query text (e.g. alt_query for the lay wording). Default: ${DEFAULT-VALUE}.")
  String queryColumn;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", description = "bm25, knn or hybrid. Default: ${DEFAULT-VALUE}.")
  SearchMode mode;

  @Mixin FusionOptions fusion;

  @Option(names = "--instruction", paramLabel = "STR", defaultValue = "",
      description = "Query instruction (instruction + separator + query). Default: none.")
  String instruction;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "1000",
      description = "Ranking depth per query (MAP is computed over the whole returned ranking). Default: ${DEFAULT-VALUE}.")
  int depth;

  @Option(names = "--run", paramLabel = "FILE", description = "Also write the rankings as an iu_eval.py run file (qid, uid, rank).")
  Path runFile;

  @Option(names = "--json", description = "Print {\"map\", \"ndcg@10\", \"p@10\", \"hardneg@10\", \"per_query\"}.")
  boolean json;

  @Mixin ModelOptions model;

  @Mixin org.cxrsearch.cli.radiology.RadiologySwitch radiology;

  @Option(names = "--compare-radiology",
      description = "Run every query twice in this run, radiology layer off then on, and print both (the index must have the layer).")
  boolean compareRadiology;

  @Override
  public Integer call() throws Exception {
    List<EvalQuery> queries = EvalQuery.read(queriesFile, queryColumn);
    Qrels qrels = Qrels.read(qrelsFile);
    Map<String, Map<String, List<String>>> runs = new LinkedHashMap<>();
    try (ReportIndex idx = index.open();
        TextEncoder encoder = mode.usesKnn() ? openEncoderFor(idx) : null) {
      QueryEncoder queryEncoder = encoder == null ? null : encoder::encodeQuery;
      if (compareRadiology) {
        if (!idx.withSearcher(RadiologySearch::indexHasLayer)) {
          throw new IllegalArgumentException("--compare-radiology: index " + idx.path() + " was built without the radiology layer");
        }
        runs.put("radiology off", rankings(queries, new QuerySearch(idx, null, queryEncoder)));
        runs.put("radiology on", rankings(queries, new QuerySearch(idx, RadiologyLayer.standard(), queryEncoder)));
      } else {
        QuerySearch search = QuerySearch.open(idx, radiology.layer(), queryEncoder);
        runs.put(search.layerOn() ? "radiology on" : "radiology off", rankings(queries, search));
      }
    }
    Map<String, List<String>> rankings = runs.get(runs.containsKey("radiology on") ? "radiology on" : "radiology off");
    if (runFile != null) {
      RunFile.write(runFile, rankings);
    }
    var out = spec.commandLine().getOut();
    Map<String, Object> jsonRuns = new LinkedHashMap<>();
    for (var run : runs.entrySet()) {
      EvalReport report = EvalReport.score(run.getValue(), qrels);
      if (json) {
        jsonRuns.put(run.getKey(), report.toJson());
      } else {
        out.printf("%s, %s queries (%s), %d scored, %s%n", mode.name().toLowerCase(Locale.ROOT), queries.size(), queryColumn,
            report.perQuery().size(), run.getKey());
        out.print(report.toText());
      }
    }
    if (json) {
      Object value = runs.size() == 1 ? jsonRuns.values().iterator().next() : jsonRuns;
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }
    out.flush();
    return 0;
  }

  /**
   * The ranking of every query, {@code depth} deep: the query's words for the BM25 side, the query
   * under {@code --instruction} for the KNN side, through {@link QuerySearch} (with the radiology
   * layer when {@code search} has it on).
   */
  private Map<String, List<String>> rankings(List<EvalQuery> queries, QuerySearch search) throws java.io.IOException {
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    for (EvalQuery q : queries) {
      if (q.text().isBlank()) {
        continue; // e.g. a query without a lay wording: it scores as an empty ranking
      }
      QuerySearch.Request request = QuerySearch.Request.builder(mode, q.text()).instruction(instruction).k(depth).depth(depth)
          .fusion(fusion.fusion(), fusion.bm25Weight(), fusion.knnWeight()).build();
      List<String> ids = new ArrayList<>();
      for (SearchHit hit : search.search(request).hits()) {
        ids.add(hit.id());
      }
      rankings.put(q.qid(), ids);
    }
    return rankings;
  }

  /** The model that built the index, or {@code --model} if given and the same model. */
  private TextEncoder openEncoderFor(ReportIndex idx) {
    return model.openFor(idx.metadata(), spec.commandLine().getParseResult().hasMatchedOption("--model"));
  }
}
