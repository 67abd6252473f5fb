package org.cxrsearch.cli.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cxrsearch.indexer.HashingEncoder;
import org.cxrsearch.lucene.store.ReportIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QuickstartCommandTest {

  @TempDir Path dir;

  private String run(Path index) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new QuickstartCommand(o -> new HashingEncoder()));
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(0, cl.execute("--index", index.toString()));
    return out.toString();
  }

  @Test
  void indexesTheBundledSamplesAndRunsEveryDemoSearch() throws Exception {
    Path index = dir.resolve("qs");
    String out = run(index);
    assertTrue(out.contains("read 51 records: indexed 51, skipped 0 (already indexed), failed 0"), out);
    try (ReportIndex r = ReportIndex.openReadOnly(index)) {
      assertEquals(51, r.numDocs());
    }
    assertEquals(QuickstartCommand.DEMOS.size(), out.split("\n== ").length - 1, out);

    // The filtered demo returns only patient P0020's three studies.
    String filtered = out.substring(out.indexOf("--filter patient_id=P0020"));
    Matcher ids = Pattern.compile("\\d\\. (SYN-\\d{3})").matcher(filtered);
    List<String> found = ids.results().map(m -> m.group(1)).sorted().toList();
    assertEquals(List.of("SYN-023", "SYN-024", "SYN-036"), found);

    // BM25 for "pneumothorax": every hit mentions it.
    String bm25 = out.substring(out.indexOf("--mode bm25"), out.indexOf("\n== ", out.indexOf("--mode bm25")));
    assertEquals(3, bm25.lines().filter(l -> l.matches("  \\d\\. .*")).filter(l -> l.toLowerCase().contains("pneumothorax")).count(), bm25);

    assertTrue(run(index).contains("indexed 0, skipped 51 (already indexed)"), "a second quickstart reuses the index");
  }
}
