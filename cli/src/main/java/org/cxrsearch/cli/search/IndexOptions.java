package org.cxrsearch.cli.search;

import java.io.IOException;
import java.nio.file.Path;
import org.cxrsearch.lucene.store.ReportIndex;
import picocli.CommandLine.Option;

/** {@code --index DIR} (a picocli mixin): the index a query command reads. */
public final class IndexOptions {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index directory.")
  Path index;

  public Path path() {
    return index;
  }

  /** The last commit of the index, read-only. */
  public ReportIndex open() throws IOException {
    return ReportIndex.openReadOnly(index);
  }
}
