package org.cxrsearch.cli.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cxrsearch delete}: removes reports by id and commits. No model is needed. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete reports by id from an index, and commit.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done (ids not in the index are listed, not an error)", "1:the index cannot be opened or written", "2:bad command line"})
public final class DeleteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory (must hold an index).")
  Path indexDir;

  @Option(names = "--id", required = true, paramLabel = "ID", description = "Report id to delete; repeat for several.")
  List<String> ids;

  @Override
  public Integer call() throws Exception {
    // The index's own metadata: deleting never adds vectors, so any model is compatible. readMetadata
    // refuses a path without an index and creates nothing (a typo must not leave a directory behind).
    try (ReportIndex index = ReportIndex.openForWriting(indexDir, ReportIndex.readMetadata(indexDir), IndexSettings.DEFAULTS)) {
      List<String> missing = new ArrayList<>();
      int deleted = 0;
      for (String id : new java.util.LinkedHashSet<>(ids)) {
        if (index.contentHash(id).isPresent()) {
          index.delete(id);
          deleted++;
        } else {
          missing.add(id);
        }
      }
      index.commit();
      var out = spec.commandLine().getOut();
      out.printf("deleted %d of %d ids from %s%n", deleted, ids.size(), indexDir);
      if (!missing.isEmpty()) {
        out.println("not in the index: " + String.join(", ", missing));
      }
    }
    return 0;
  }
}
