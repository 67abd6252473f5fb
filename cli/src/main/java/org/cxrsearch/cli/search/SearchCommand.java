package org.cxrsearch.cli.search;

import org.cxrsearch.cli.PositiveInt;
import org.cxrsearch.searcher.search.InstructionPreset;
import org.cxrsearch.searcher.search.QuerySearch;
import org.cxrsearch.lucene.radiology.RadiologySearch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.ModelOptions;
import org.cxrsearch.onnx.encode.OnnxEncoder;
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
 * {@code cxrsearch search}: BM25, KNN or hybrid search of an index, a translation of flags into a
 * {@link QuerySearch} request and of its result into text or JSON. The query vector is
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

  @Mixin org.cxrsearch.cli.radiology.RadiologySwitch radiology;

  @Option(names = "--facets", description = "Radiology layer: also count each finding's statuses over the --depth fused hits.")
  boolean facets;

  @Mixin ModelOptions model;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (bm25Query != null && mode != SearchMode.HYBRID) {
      throw new ParameterException(spec.commandLine(), "--bm25-query is for --mode hybrid; in --mode " + mode.name().toLowerCase(Locale.ROOT)
          + (mode == SearchMode.BM25 ? " --query itself is Lucene syntax" : " there is no BM25 side"));
    }
    QuerySearch.Request request = QuerySearch.Request.builder(mode, query)
        .luceneQuery(mode == SearchMode.BM25 ? query : bm25Query) // --query is Lucene syntax in BM25 mode
        .instruction(instruction).preset(preset, finding).k(k).depth(depth).candidates(candidates).filters(filters.parsed())
        .fusion(fusion.fusion(), fusion.bm25Weight(), fusion.knnWeight()).facets(facets).explain(output.explain()).build();
    boolean modelGiven = spec.commandLine().getParseResult().hasMatchedOption("--model");
    try (PendingEncoder encoder = mode.usesKnn() ? PendingEncoder.start(() -> openModel(modelGiven)) : null;
        ReportIndex idx = index.open()) {
      RadiologySearch layer = radiology.layer().resolve(idx);
      if (facets && layer == null) {
        throw new IllegalArgumentException("--facets needs the radiology layer (an index built with it, and not --radiology off)");
      }
      long start = System.nanoTime();
      QuerySearch.Result result = new QuerySearch(idx, layer, (instr, text) -> encoder.get().encodeQuery(instr, text)).search(request);
      LOG.log(System.Logger.Level.INFO, () -> "search: index=" + index.path() + " docs=" + docs(idx) + " mode=" + mode
          + " k=" + k + (mode == SearchMode.HYBRID ? " fusion=" + fusion.fusion().describe() : "") + " filters=" + request.filters()
          + (mode.usesKnn() ? " instruction=\"" + result.instruction() + "\"" : ""));
      output.print(spec.commandLine().getOut(), result.hits(), start, extras(result));
    }
    return 0;
  }

  /** What the radiology layer adds to the output: the understood query, facets, each hit's findings. */
  private HitsOutput.Extras extras(QuerySearch.Result result) {
    if (result.understood() == null) {
      return HitsOutput.Extras.NONE;
    }
    List<String> header = new java.util.ArrayList<>();
    Map<String, Object> json = new LinkedHashMap<>();
    if (output.explain()) {
      header.add("understood: " + result.understood().describe());
      json.put("understood", result.understood().describe());
    }
    if (result.facets() != null) {
      header.add("facets over " + result.pool() + " hits:");
      Map<String, Object> jf = new LinkedHashMap<>();
      result.facets().forEach((f, byStatus) -> {
        header.add(String.format(Locale.ROOT, "  %-28s %s", f, byStatus.toString().toLowerCase(Locale.ROOT)));
        Map<String, Integer> m = new LinkedHashMap<>();
        byStatus.forEach((st, n) -> m.put(st.label(), n));
        jf.put(f, m);
      });
      json.put("facets", jf);
    }
    return new HitsOutput.Extras(header, json, h -> result.explanations().get(h.id()));
  }

  /** The vector of {@code text} (the query, or its clinical rewording), from the index's model unless --model names another. */
  /** The index's recorded model (or --model), read from the index's metadata without opening Lucene. */
  private OnnxEncoder openModel(boolean modelGiven) {
    try {
      return model.openFor(ReportIndex.readMetadata(index.path()), modelGiven);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
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
