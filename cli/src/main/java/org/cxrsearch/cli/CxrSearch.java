package org.cxrsearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.LogManager;
import org.cxrsearch.cli.bench.IndexBenchCommand;
import org.cxrsearch.cli.index.DeleteCommand;
import org.cxrsearch.cli.index.IndexCommand;
import org.cxrsearch.cli.index.QuickstartCommand;
import org.cxrsearch.cli.bench.EncodeBenchCommand;
import org.cxrsearch.cli.CliErrorHandler;
import org.cxrsearch.cli.encode.EncodeCommand;
import org.cxrsearch.cli.encode.SimilaritiesCommand;
import org.cxrsearch.cli.encode.TokenizeCommand;
import org.cxrsearch.cli.bench.BenchConvertCommand;
import org.cxrsearch.cli.convert.ConvertCommand;
import org.cxrsearch.cli.bench.BenchSearchCommand;
import org.cxrsearch.cli.search.EvalCommand;
import org.cxrsearch.cli.search.SearchCommand;
import org.cxrsearch.cli.search.SimilarCommand;
import org.cxrsearch.cli.search.StatsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code cxrsearch} command: one sub-command per verb, each living in the module that owns the
 * verb (encoder verbs in {@code onnx}, {@code index}/{@code delete} in {@code indexer}, query verbs
 * in {@code searcher}). This class only assembles them.
 */
@Command(
    name = "cxrsearch",
    mixinStandardHelpOptions = true,
    versionProvider = CxrSearch.Version.class,
    description = "Search engine for chest X-ray radiology reports (LLM2Vec4CXR + Lucene).",
    subcommands = {
      CommandLine.HelpCommand.class,
      QuickstartCommand.class,
      // models: onnx module
      TokenizeCommand.class,
      EncodeCommand.class,
      SimilaritiesCommand.class,
      ConvertCommand.class,
      // indexing: indexer module
      IndexCommand.class,
      DeleteCommand.class,
      // querying: searcher module
      SearchCommand.class,
      SimilarCommand.class,
      StatsCommand.class,
      EvalCommand.class,
      org.cxrsearch.cli.serve.ServeCommand.class,
      org.cxrsearch.cli.radiology.LabelsCommand.class,
      org.cxrsearch.cli.radiology.LabelsEvalCommand.class,
      org.cxrsearch.cli.radiology.EvalSimilarCommand.class,
      // benchmarks (figures are printed, never asserted)
      EncodeBenchCommand.class,
      BenchConvertCommand.class,
      IndexBenchCommand.class,
      BenchSearchCommand.class,
      org.cxrsearch.cli.radiology.BenchLabelsCommand.class,
    })
public final class CxrSearch {

  /**
   * {@code --verbose} on any verb: log lines at INFO (what was opened, settings, timings) and the
   * libraries' own warnings. Without it only errors and the verbs' output are printed.
   */
  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Also print log lines: what is opened, settings, timings, library warnings.")
  void verbose(boolean on) {
    if (on) {
      VERBOSE_LOGGERS.forEach(l -> l.setLevel(Level.INFO));
    }
  }

  /** Held strongly: the log manager keeps loggers weakly, and a collected logger loses its level. */
  private static final java.util.List<Logger> VERBOSE_LOGGERS = java.util.List.of(
      Logger.getLogger(""), Logger.getLogger("org.apache.lucene.internal.vectorization"));

  public static void main(String[] args) {
    configureLogging();
    System.exit(newCommandLine().execute(args));
  }

  /** Short log lines on stderr, unless the user brought a JUL configuration of their own. */
  private static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = CxrSearch.class.getResourceAsStream("/cxrsearch-logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    } catch (IOException e) {
      System.err.println("cxrsearch: cannot configure logging: " + e.getMessage());
    }
  }

  /**
   * A usage error prints what is wrong and where help is, not the whole help (which buries the
   * error); exit code 2, as picocli and POSIX utilities use for usage errors.
   */
  static int shortUsageError(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("cxrsearch: " + ex.getMessage()));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** The configured command line; tests drive it directly. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new CxrSearch());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new CliErrorHandler());
    cl.setParameterExceptionHandler(CxrSearch::shortUsageError);
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CxrSearch.class.getPackage().getImplementationVersion();
      return new String[] {"cxrsearch " + (v == null ? "(development build)" : v)};
    }
  }
}
