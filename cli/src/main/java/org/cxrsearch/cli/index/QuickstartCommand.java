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
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.ModelOptions;
import org.cxrsearch.onnx.encode.TextEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxrsearch quickstart}: the README's first run, offline. Indexes the bundled synthetic
 * sample reports with the embedded default model and runs a BM25, a KNN, a hybrid and a filtered
 * search, printing each with the {@code cxrsearch search} command that repeats it.
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
          new Demo("BM25: exact terms", SearchMode.BM25, "pneumothorax", null),
          new Demo("KNN: meaning, not words", SearchMode.KNN, "enlarged heart", null),
          new Demo("KNN: no word in common with 'rib fractures'", SearchMode.KNN, "broken bones after a fall", null),
          new Demo("Hybrid (RRF): both", SearchMode.HYBRID, "malpositioned line or tube", null),
          new Demo("Filtered hybrid: one patient's history", SearchMode.HYBRID, "pleural effusion", "patient_id=P0020"));

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
            ReportIndex.openForWriting(indexDir, new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT, IndexCommand.modelSource(model, encoder.info())), IndexSettings.DEFAULTS)) {
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
      ReportSearcher searcher = new ReportSearcher(index);
      for (Demo demo : DEMOS) {
        out.printf("%n== %s%n$ cxrsearch search --index %s --mode %s --query '%s'%s -k %d%n", demo.title(), indexDir,
            demo.mode().name().toLowerCase(Locale.ROOT), demo.query(), demo.filter() == null ? "" : " --filter " + demo.filter(), K);
        for (SearchHit hit : searcher.search(request(demo, encoder))) {
          out.printf("  %d. %-8s %.4f  %s%n", hit.rank(), hit.id(), hit.score(), headline(hit));
        }
      }
    } finally {
      Files.deleteIfExists(samples);
    }
    out.flush();
    return 0;
  }

  static SearchRequest request(Demo demo, TextEncoder encoder) {
    SearchRequest.Builder b = SearchRequest.builder(demo.mode()).k(K);
    if (demo.mode().usesBm25()) {
      b.text(demo.query());
    }
    if (demo.mode().usesKnn()) {
      b.vector(encoder.encodeQuery("", demo.query()));
    }
    if (demo.filter() != null) {
      b.filters(List.of(FieldFilter.parse(demo.filter())));
    }
    return b.build();
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
