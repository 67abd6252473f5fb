package org.cxrsearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;
import org.cxrsearch.indexer.bench.IndexBenchCommand;
import org.cxrsearch.indexer.cli.DeleteCommand;
import org.cxrsearch.indexer.cli.IndexCommand;
import org.cxrsearch.indexer.cli.QuickstartCommand;
import org.cxrsearch.onnx.bench.EncodeBenchCommand;
import org.cxrsearch.onnx.cli.CliErrorHandler;
import org.cxrsearch.onnx.cli.EncodeCommand;
import org.cxrsearch.onnx.cli.SimilaritiesCommand;
import org.cxrsearch.onnx.cli.TokenizeCommand;
import org.cxrsearch.onnx.convert.bench.BenchConvertCommand;
import org.cxrsearch.onnx.convert.cli.ConvertCommand;
import org.cxrsearch.searcher.bench.BenchSearchCommand;
import org.cxrsearch.searcher.eval.EvalCommand;
import org.cxrsearch.searcher.search.SearchCommand;
import org.cxrsearch.searcher.similar.SimilarCommand;
import org.cxrsearch.searcher.stats.StatsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
      // benchmarks (figures are printed, never asserted)
      EncodeBenchCommand.class,
      BenchConvertCommand.class,
      IndexBenchCommand.class,
      BenchSearchCommand.class,
    })
public final class CxrSearch {

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

  /** The configured command line; tests drive it directly. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new CxrSearch());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new CliErrorHandler());
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
