package org.cxrsearch.cli.search;

import org.cxrsearch.cli.PositiveInt;
import org.cxrsearch.searcher.search.InstructionPreset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.ModelOptions;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.searcher.common.IndexModel;
import org.cxrsearch.cli.search.FilterOptions;
import org.cxrsearch.cli.search.IndexOptions;
import org.cxrsearch.cli.search.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch search}: BM25, KNN or hybrid search of an index. The query vector is
 * {@code instruction + separator + query} encoded by the index's own model (MODEL.md §4), L2
 * normalised like the indexed vectors.
 *
 * <p>{@code --query} is Lucene syntax only in BM25 mode. In hybrid mode it is report text, which
 * is full of syntax characters ({@code s/p CABG}, {@code IMPRESSION:}): the BM25 side searches its
 * words ({@link Bm25QueryParser#plainText}) unless {@code --bm25-query} gives it a Lucene query.
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Search an index: BM25 (Lucene query syntax), KNN on the encoded query, or both fused.",
      "--mode bm25: --query is Lucene syntax. --mode hybrid: --query is plain text for both sides (its words for BM25,"
          + " syntax characters included) unless --bm25-query gives the BM25 side a Lucene query. --mode knn: plain text.",
      "KNN encodes instruction + separator + query with the index's own model (recorded in the index);"
          + " --model overrides it and must be the same model."},
    footerHeading = "%nInstruction presets (--preset):%n",
    footer = {
      "  similar  \"" + InstructionPreset.SIMILAR_TEXT + "\" (none: the query is encoded like the reports; default)",
      "  status   \"" + InstructionPreset.STATUS_TEXT + "\"",
      "           {finding} = --finding, else the query text",
    })
public final class SearchCommand implements Callable<Integer> {

  private static final System.Logger LOG = System.getLogger(SearchCommand.class.getName());

  @Mixin IndexOptions index;

  @Option(names = "--query", required = true, paramLabel = "STR",
      description = "The query: Lucene syntax in --mode bm25 (terms, \"phrases\", AND/OR/NOT, field:term);"
          + " plain text in --mode knn and hybrid.")
  String query;

  @Option(names = "--bm25-query", paramLabel = "STR",
      description = "--mode hybrid only: the BM25 side's query in Lucene syntax. Default: the words of --query.")
  String bm25Query;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid",
      description = "bm25, knn or hybrid. Default: ${DEFAULT-VALUE}.")
  SearchMode mode;

  @Option(names = "--instruction", paramLabel = "STR",
      description = "Query instruction put before the separator (overrides --preset); end it in \"; \" as the authors do.")
  String instruction;

  @Option(names = "--preset", paramLabel = "PRESET", defaultValue = "similar",
      description = "Instruction preset: ${COMPLETION-CANDIDATES} (see below). Default: ${DEFAULT-VALUE}.")
  InstructionPreset preset;

  @Option(names = "--finding", paramLabel = "STR", description = "The finding of --preset status, e.g. \"pleural effusion\".")
  String finding;

  @Option(names = "-k", paramLabel = "K", defaultValue = "10", converter = PositiveInt.class, description = "Hits. Default: ${DEFAULT-VALUE}.")
  int k;

  @Mixin FilterOptions filters;

  @Mixin FusionOptions fusion;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "" + SearchRequest.DEFAULT_DEPTH, converter = PositiveInt.class,
      description = "Hits each part contributes to a hybrid fusion. Default: ${DEFAULT-VALUE}.")
  int depth;

  @Option(names = "--candidates", paramLabel = "N", defaultValue = "0",
      description = "HNSW candidates (oversampling; rescored exactly on quantized indexes); 0 = automatic. Default: ${DEFAULT-VALUE}.")
  int candidates;

  @Mixin OutputOptions output;

  @Mixin ModelOptions model;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (bm25Query != null && mode != SearchMode.HYBRID) {
      throw new ParameterException(spec.commandLine(), "--bm25-query is for --mode hybrid; in --mode " + mode.name().toLowerCase(Locale.ROOT)
          + (mode == SearchMode.BM25 ? " --query itself is Lucene syntax" : " there is no BM25 side"));
    }
    List<FieldFilter> parsedFilters = filters.parsed();
    try (ReportIndex idx = index.open()) {
      String instructionText = instruction != null ? instruction : preset.instruction(finding != null ? finding : query);
      LOG.log(System.Logger.Level.INFO, () -> "search: index=" + index.path() + " docs=" + docs(idx) + " mode=" + mode
          + " k=" + k + (mode == SearchMode.HYBRID ? " fusion=" + fusion.fusion().describe() : "") + " filters=" + parsedFilters
          + (mode.usesKnn() ? " instruction=\"" + instructionText + "\"" : ""));
      long start = System.nanoTime();
      float[] vector = mode.usesKnn() ? encode(idx, instructionText) : null;
      SearchRequest request = SearchRequest.builder(mode).text(bm25Text()).vector(vector).filters(parsedFilters).k(k)
          .fusion(fusion.fusion()).weights(fusion.bm25Weight(), fusion.knnWeight()).depth(depth).candidates(candidates)
          .build();
      List<SearchHit> hits = new ReportSearcher(idx).search(request);
      output.print(spec.commandLine().getOut(), hits, start);
    }
    return 0;
  }

  /** The BM25 side's Lucene query: --query in BM25 mode, else --bm25-query or the words of --query. */
  private String bm25Text() {
    return switch (mode) {
      case BM25 -> query;
      case HYBRID -> bm25Query != null ? bm25Query : Bm25QueryParser.plainText(query);
      case KNN -> null;
    };
  }

  /** The query vector, from the index's model unless --model names another (then checked). */
  private float[] encode(ReportIndex idx, String instructionText) {
    boolean modelGiven = spec.commandLine().getParseResult().hasMatchedOption("--model");
    try (OnnxEncoder encoder = model.openFor(idx.metadata(), modelGiven)) {
      return encoder.encodeQuery(instructionText, query);
    }
  }

  private static String docs(ReportIndex idx) {
    try {
      return Integer.toString(idx.numDocs());
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
