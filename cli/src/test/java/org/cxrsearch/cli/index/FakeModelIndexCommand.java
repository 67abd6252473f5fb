package org.cxrsearch.cli.index;

import org.cxrsearch.indexer.HashingEncoder;
import org.cxrsearch.cli.index.IndexCommand;
import picocli.CommandLine;

/**
 * {@code cxrsearch index} with the {@link HashingEncoder} in place of a model, as a main class so a
 * test can run (and kill) it in a separate JVM. System property {@code fake.delayMillis} slows each
 * encoder call down.
 */
public final class FakeModelIndexCommand {

  private FakeModelIndexCommand() {}

  public static CommandLine commandLine(long delayMillis) {
    return new CommandLine(new IndexCommand(options -> new HashingEncoder("hashing-v1", delayMillis)))
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  public static void main(String[] args) {
    System.exit(commandLine(Long.getLong("fake.delayMillis", 0)).execute(args));
  }
}
