package org.cxrsearch.cli;

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
      org.cxrsearch.onnx.convert.cli.ConvertCommand.class,
      org.cxrsearch.onnx.convert.bench.BenchConvertCommand.class,
    })
public final class CxrSearch {

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line; tests drive it directly. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new CxrSearch());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
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
