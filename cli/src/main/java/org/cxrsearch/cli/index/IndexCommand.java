package org.cxrsearch.cli.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.cxrsearch.indexer.pipeline.ErrorLog;
import org.cxrsearch.indexer.pipeline.IndexingPipeline;
import org.cxrsearch.indexer.pipeline.IndexingSettings;
import org.cxrsearch.indexer.pipeline.IndexingSummary;
import org.cxrsearch.indexer.progress.ProgressListener;
import org.cxrsearch.cli.progress.ProgressMode;
import org.cxrsearch.indexer.read.CsvColumns;
import org.cxrsearch.indexer.read.InputFormat;
import org.cxrsearch.indexer.read.ReadLimits;
import org.cxrsearch.indexer.read.RecordReader;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.store.IncompatibleIndexException;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.InputException;
import org.cxrsearch.onnx.bundle.ModelResolver;
import org.cxrsearch.cli.ModelOptions;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.onnx.hub.RepoId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cxrsearch index}: reads reports, embeds them and writes them into an index (see {@link IndexingPipeline}). */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index reports: JSON lines, CSV or a directory of .txt files, streamed. Each report is embedded as"
          + " separator + text (the way the model was trained) and upserted by id.",
      "Bad records go to the errors file (JSON lines: file, line, id, reason) and the run goes on.",
      "Commits every --commit-every documents or --commit-seconds; after a crash or Ctrl-C, run again"
          + " with --resume: ids already indexed with the same content are skipped.",
      "Adding to an existing index uses the model, quantization and instruction it records, unless given."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every record was indexed (or skipped as unchanged)",
      "1:the run failed (unreadable input, bad model, index built with another model, I/O error);"
          + " earlier commits are intact",
      "2:bad command line",
      "3:the run completed, but some records were bad: see the errors file",
      "130:interrupted by Ctrl-C (SIGINT), 143 by SIGTERM, after committing what was read and printing the"
          + " summary; continue with --resume. (These are the JVM's exit status for the signal.)"
    })
public final class IndexCommand implements Callable<Integer> {

  public static final int EXIT_BAD_RECORDS = 3;
  /**
   * What {@link #call()} returns after a stop request. From the command line the JVM ends on the
   * signal itself, so the process status is 130 for SIGINT and 143 for SIGTERM.
   */
  public static final int EXIT_INTERRUPTED = 130;

  @Spec CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory (created if missing).")
  Path indexDir;

  @Mixin ModelOptions model;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "A .jsonl or .csv file, or a directory of .txt files.")
  Path input;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "jsonl, csv or txt-dir. Default: from --input (directory: txt-dir, *.csv: csv, else jsonl).")
  InputFormat format;

  @Option(names = "--csv-columns", paramLabel = "MAP", converter = CsvColumnsConverter.class,
      description = "CSV column mapping field=column,...: fields id, text, findings, impression; any other field"
          + " name is metadata (study_date, study_id and patient_id are filterable schema fields)."
          + " Default: columns by name, every other column becomes metadata.")
  CsvColumns csvColumns;

  @Option(names = "--instruction", paramLabel = "STR", defaultValue = "",
      description = "Document instruction put before the separator; recorded in the index. Default: an existing"
          + " index's own; none (separator + report) for a new index.")
  String instruction;

  @Option(names = "--quantization", paramLabel = "Q", defaultValue = "float",
      description = "Vector storage: float, int8, int4 or binary. Default: an existing index's own; ${DEFAULT-VALUE}"
          + " for a new index.")
  String quantization;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "10000", description = "Commit every N documents. Default: ${DEFAULT-VALUE}.")
  int commitEvery;

  @Option(names = "--commit-seconds", paramLabel = "S", defaultValue = "60", description = "Commit at least every S seconds. Default: ${DEFAULT-VALUE}.")
  long commitSeconds;

  @Option(names = "--resume", description = "Skip records whose id is already indexed with the same content.")
  boolean resume;

  @Option(names = "--errors", paramLabel = "FILE", description = "Errors file. Default: <index>.errors.jsonl beside the index.")
  Path errorsFile;

  @Option(names = "--window", paramLabel = "N", defaultValue = "256",
      description = "Records handed to the encoder at once (it sorts them by length into batches). Default: ${DEFAULT-VALUE}.")
  int window;

  @Option(names = "--max-record-bytes", paramLabel = "N", defaultValue = "1048576",
      description = "Longer records are rejected as oversized. Default: ${DEFAULT-VALUE}.")
  int maxRecordBytes;

  @Option(names = "--radiology", paramLabel = "on|off", defaultValue = "on",
      description = "Index each report's findings (status, side, change) and its affirmed text for radiology-aware search."
          + " Default: ${DEFAULT-VALUE}.")
  String radiology;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto (a bar on a terminal, plain lines otherwise), bar, lines or none. Default: ${DEFAULT-VALUE}.")
  ProgressMode progressMode;

  private final Function<ModelOptions, TextEncoder> encoders;

  /** The command as the CLI runs it: the model comes from {@code --model}. */
  public IndexCommand() {
    this(ModelOptions::open);
  }

  /** For embedding the command with another encoder (tests use a fake one). */
  public IndexCommand(Function<ModelOptions, TextEncoder> encoders) {
    this.encoders = encoders;
  }

  @Override
  public Integer call() throws Exception {
    requirePositive("--commit-every", commitEvery);
    requirePositive("--commit-seconds", commitSeconds);
    requirePositive("--window", window);
    requirePositive("--max-record-bytes", maxRecordBytes);
    if (!java.nio.file.Files.exists(input)) {
      throw new InputException("--input " + input + ": no such file or directory");
    }
    InputFormat inputFormat = format != null ? format : InputFormat.guess(input);
    CsvColumns columns = csvColumns == null ? CsvColumns.BY_HEADER : csvColumns;
    Path errors = errorsFile != null ? errorsFile : defaultErrorsFile(indexDir);
    IndexingSettings settings =
        new IndexingSettings(commitEvery, Duration.ofSeconds(commitSeconds), resume, window, IndexingSettings.DEFAULTS.queueDepth());
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    IndexMetadata existing = ReportIndex.exists(indexDir) ? ReportIndex.readMetadata(indexDir) : null;
    if (existing != null && !spec.commandLine().getParseResult().hasMatchedOption("--model")) {
      model.model(existing.modelSpec()); // appending or resuming: the model that built the index
    }
    try (RecordReader reader = inputFormat.open(input, columns, new ReadLimits(maxRecordBytes));
        TextEncoder encoder = encoders.apply(model);
        ReportIndex index = openIndex(encoder, existing);
        ErrorLog errorLog = new ErrorLog(errors)) {
      err.printf("index: %s (%s), input %s (%s, columns %s), model %s (%d-d), commit every %,d docs / %d s, resume %s,"
              + " errors -> %s%n",
          indexDir, index.metadata().quantization().name().toLowerCase(java.util.Locale.ROOT), input,
          inputFormat.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), columns, encoder.info().name(),
          encoder.info().dimensions(), commitEvery, commitSeconds, resume, errors);
      err.flush();
      try (ProgressListener progress = progressMode.open(System.err)) {
        IndexingPipeline pipeline = new IndexingPipeline(encoder, index, errorLog, settings, progress);
        try (StopOnSignal stop = new StopOnSignal(pipeline)) {
          IndexingSummary summary = pipeline.run(reader);
          // Printed while the signal hook still holds the JVM open: after a Ctrl-C or SIGTERM the JVM
          // exits as soon as the hook returns, and the summary line must be out by then.
          progress.close();
          out.println(summary.describe());
          if (summary.failed() > 0) {
            out.printf("%,d bad records: see %s%n", summary.failed(), errors);
          }
          out.flush();
          return pipeline.stopped() ? EXIT_INTERRUPTED : summary.failed() > 0 ? EXIT_BAD_RECORDS : 0;
        }
      }
    } catch (IncompatibleIndexException e) {
      throw new InputException(e.getMessage());
    }
  }

  /** A bad option value is a bad command line (exit 2), reported before anything is opened. */
  private void requirePositive(String option, long value) {
    if (value < 1) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + value + " (must be at least 1)");
    }
  }

  /**
   * Opens or creates the index. An existing index keeps its own quantization and document
   * instruction unless the command line names them (then they must match, else the index refuses
   * with the differing setting), so appending or resuming needs no repetition of the options.
   */
  private ReportIndex openIndex(TextEncoder encoder, IndexMetadata existing) throws IOException {
    var given = spec.commandLine().getParseResult();
    String documentInstruction =
        existing != null && !given.hasMatchedOption("--instruction") ? existing.documentInstruction() : instruction;
    VectorQuantization vectors =
        existing != null && !given.hasMatchedOption("--quantization") ? existing.quantization() : VectorQuantization.parse(quantization);
    IndexMetadata metadata = new IndexMetadata(encoder.info(), documentInstruction, vectors, modelSource(model, encoder.info()));
    return ReportIndex.openForWriting(indexDir, metadata, IndexSettings.DEFAULTS.withRadiology(org.cxrsearch.cli.radiology.OnOff.parse(radiology, "--radiology")));
  }

  /**
   * Where the model came from, recorded in the index so that searches open the same model by
   * default: {@code default}; an existing directory (bundle or checkpoint) as an absolute path, so
   * it works from any working directory; a Hugging Face repository id pinned to the commit it
   * resolved to ({@code owner/name@<commit>}, the name the resolver gives such bundles), so that a
   * branch that moves on does not change which model the index's queries use; anything else as
   * given.
   */
  static String modelSource(ModelOptions model, EncoderInfo encoder) {
    String spec = model.model();
    if (spec == null || spec.isBlank() || spec.equals(ModelResolver.DEFAULT)) {
      return ModelResolver.DEFAULT;
    }
    try {
      Path dir = Path.of(spec);
      if (java.nio.file.Files.isDirectory(dir)) {
        return dir.toAbsolutePath().normalize().toString(); // the resolver also prefers a directory
      }
    } catch (java.nio.file.InvalidPathException notAPath) {
      // a repository id, or a spec the resolver has already refused
    }
    // A repository id resolves to a bundle named owner/name@commit: record that, not a branch.
    if (RepoId.looksLike(spec) && RepoId.looksLike(encoder.name())
        && RepoId.parse(encoder.name()).repo().equals(RepoId.parse(spec).repo()) && RepoId.parse(encoder.name()).pinned()) {
      return encoder.name();
    }
    return spec;
  }


  /** {@code <index>.errors.jsonl} beside the index directory, not inside it: the index holds Lucene files only. */
  static Path defaultErrorsFile(Path indexDir) {
    Path abs = indexDir.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".errors.jsonl");
  }
}
