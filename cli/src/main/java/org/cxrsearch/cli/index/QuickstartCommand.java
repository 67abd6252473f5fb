package org.cxrsearch.cli.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.cxrsearch.indexer.pipeline.ErrorLog;
import org.cxrsearch.indexer.pipeline.IndexingPipeline;
import org.cxrsearch.indexer.pipeline.IndexingSettings;
import org.cxrsearch.indexer.pipeline.IndexingSummary;
import org.cxrsearch.indexer.progress.ProgressListener;
import org.cxrsearch.indexer.read.JsonLinesReader;
import org.cxrsearch.indexer.read.ReadLimits;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.ModelOptions;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.searcher.search.QuerySearch;
import org.cxrsearch.searcher.search.RadiologyLayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch quickstart}: the README's first run, offline. Indexes the bundled synthetic
 * sample reports with the embedded default model and the radiology layer (as {@code cxrsearch index}
 * does), and runs a BM25, a KNN, a hybrid, a negated and a filtered search through the same
 * {@link QuerySearch} flow as {@code cxrsearch search} (layer auto), printing each with the command
 * that repeats it and what the layer understood the query to ask.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = "Index the bundled sample reports (synthetic) with the embedded default model and run a few searches. Offline.")
public final class QuickstartCommand implements Callable<Integer> {

  /** Classpath location of the sample reports (testdata/reports/sample_reports.jsonl). */
  public static final String SAMPLES = "/org/cxrsearch/cli/index/samples/sample_reports.jsonl";

  /** One demonstration search. */
  record Demo(String title, SearchMode mode, String query, String filter) {}

  static final List<Demo> DEMOS =
      List.of(
          new Demo("BM25 + radiology layer: reports that affirm the finding first", SearchMode.BM25, "pneumothorax", null),
          new Demo("Radiology layer: a negated query asks for absence", SearchMode.HYBRID, "no pneumothorax", null),
          new Demo("KNN: meaning, not words", SearchMode.KNN, "enlarged heart", null),
          new Demo("KNN: no word in common with 'rib fractures'", SearchMode.KNN, "broken bones after a fall", null),
          new Demo("Hybrid (RRF): both", SearchMode.HYBRID, "malpositioned line or tube", null),
          new Demo("Filtered hybrid: the studies of one patient that show an effusion", SearchMode.HYBRID, "pleural effusion", "patient_id=P0020"));

  private static final int K = 3;

  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "cxrsearch-quickstart-index",
      description = "Where to build the index. Default: ${DEFAULT-VALUE} in the current directory.")
  Path indexDir;

  @Mixin ModelOptions model;

  private final Function<ModelOptions, TextEncoder> encoders;

  public QuickstartCommand() {
    this(ModelOptions::open);
  }

  /** For tests: another encoder than {@code --model}'s. */
  public QuickstartCommand(Function<ModelOptions, TextEncoder> encoders) {
    this.encoders = encoders;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path samples = extractSamples();
    try (TextEncoder encoder = encoders.apply(model);
        ReportIndex index =
            ReportIndex.openForWriting(indexDir, new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT,
                IndexCommand.modelSource(model, encoder.info())), IndexSettings.DEFAULTS.withRadiology(true))) {
      out.printf("Indexing %d synthetic sample reports into %s with %s (%d-d)...%n",
          Files.lines(samples).count(), indexDir, encoder.info().name(), encoder.info().dimensions());
      IndexingSummary summary;
      try (var reader = new JsonLinesReader(samples, ReadLimits.DEFAULTS);
          ErrorLog errors = new ErrorLog(IndexCommand.defaultErrorsFile(indexDir))) {
        summary =
            new IndexingPipeline(encoder, index, errors, IndexingSettings.DEFAULTS.withResume(true), ProgressListener.NONE).run(reader);
      }
      out.println(summary.describe());
      out.println("(the same with the CLI: cxrsearch index --index " + indexDir + " --input sample_reports.jsonl)");
      index.refresh();
      QuerySearch search = QuerySearch.open(index, RadiologyLayer.AUTO, encoder::encodeQuery);
      for (Demo demo : DEMOS) {
        out.printf("%n== %s%n$ cxrsearch search --index %s --mode %s --query '%s'%s -k %d%n", demo.title(), indexDir,
            demo.mode().name().toLowerCase(Locale.ROOT), demo.query(), demo.filter() == null ? "" : " --filter " + demo.filter(), K);
        QuerySearch.Result result = search.search(request(demo));
        if (result.understood() != null) {
          out.println("  understood: " + result.understood().describe());
        }
        for (SearchHit hit : result.hits()) {
          out.printf("  %d. %-8s %.4f  %s%n", hit.rank(), hit.id(), hit.score(), headline(hit));
        }
      }
    } finally {
      Files.deleteIfExists(samples);
    }
    out.flush();
    return 0;
  }

  /** What {@code cxrsearch search} builds from the demo's flags (--query is Lucene syntax in BM25 mode). */
  static QuerySearch.Request request(Demo demo) {
    return QuerySearch.Request.builder(demo.mode(), demo.query()).luceneQuery(demo.mode() == SearchMode.BM25 ? demo.query() : null)
        .k(K).filters(demo.filter() == null ? List.of() : List.of(FieldFilter.parse(demo.filter()))).build();
  }

  private static String headline(SearchHit hit) {
    var r = hit.report();
    String text = r.impression() != null ? r.impression() : r.text();
    String date = r.studyDate() == null ? "" : r.studyDate() + " ";
    return date + (text.length() > 90 ? text.substring(0, 87) + "..." : text);
  }

  /** The samples as a file: the readers stream from files, and the jar entry is not one. */
  static Path extractSamples() throws IOException {
    Path file = Files.createTempFile("cxrsearch-samples", ".jsonl");
    try (InputStream in = QuickstartCommand.class.getResourceAsStream(SAMPLES)) {
      if (in == null) {
        throw new IllegalStateException("the sample reports " + SAMPLES + " are missing from the class path (broken build?)");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
