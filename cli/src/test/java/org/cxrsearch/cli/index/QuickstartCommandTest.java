package org.cxrsearch.cli.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cxrsearch.cli.CxrSearch;
import org.cxrsearch.indexer.HashingEncoder;
import org.cxrsearch.lucene.radiology.RadiologySearch;
import org.cxrsearch.lucene.store.ReportIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(120)
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

    // The filtered demo returns only patient P0020's studies (SYN-023, SYN-024, SYN-036), less SYN-036: "Resolved left
    // effusion" denies the effusion asked for, and the layer excludes contradicting reports.
    String filtered = out.substring(out.indexOf("--filter patient_id=P0020"));
    Matcher ids = Pattern.compile("\\d\\. (SYN-\\d{3})").matcher(filtered);
    List<String> found = ids.results().map(m -> m.group(1)).sorted().toList();
    assertEquals(List.of("SYN-023", "SYN-024"), found);

    // BM25 for "pneumothorax" with the layer: of the 13 reports that mention it, the three that affirm one; "resolved" counts
    // as absent (radiology/README.md), so SYN-049 is left out with the reports that deny it
    String bm25 = demo(out, "--mode bm25");
    assertTrue(bm25.contains("understood: pneumothorax=present"), bm25);
    assertEquals(PRESENT, ids(bm25).stream().sorted().toList(), bm25);

    // "no pneumothorax" asks for absence: reports that deny it, never one that affirms it, although the hybrid's
    // BM25 side matches the word in both
    String negated = demo(out, "--query 'no pneumothorax'");
    assertTrue(negated.contains("understood: pneumothorax=absent"), negated);
    assertEquals(3, ids(negated).size(), negated);
    assertTrue(DENIED.containsAll(ids(negated)), negated);

    assertTrue(run(index).contains("indexed 0, skipped 51 (already indexed)"), "a second quickstart reuses the index");
  }

  @Test
  void theIndexHasTheLayerAndTheSearchVerbRepeatsTheDemo() throws Exception {
    Path index = dir.resolve("qs");
    String bm25 = demo(run(index), "--mode bm25");
    try (ReportIndex r = ReportIndex.openReadOnly(index)) {
      assertTrue(r.withSearcher(RadiologySearch::indexHasLayer));
    }
    // the printed command (BM25 needs no model) answers the same through cxrsearch search, with the layer forced on
    StringWriter out = new StringWriter();
    CommandLine cl = CxrSearch.newCommandLine();
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(0, cl.execute("search", "--index", index.toString(), "--mode", "bm25", "--query", "pneumothorax", "-k", "3",
        "--radiology", "on"));
    List<String> viaSearch = Pattern.compile("(?m)^ ?\\d\\. (SYN-\\d{3})").matcher(out.toString()).results().map(m -> m.group(1)).toList();
    assertEquals(ids(bm25), viaSearch, out.toString());
  }

  /** The reports whose text affirms a pneumothorax (SYN-006 "Large right pneumothorax", SYN-007 "Small residual right apical
   * pneumothorax", SYN-048 "Small left apical pneumothorax"). */
  private static final List<String> PRESENT = List.of("SYN-006", "SYN-007", "SYN-048");

  /** The reports whose text denies one ("no pneumothorax", "without pneumothorax", SYN-049 "is no longer visible"). */
  private static final Set<String> DENIED =
      Set.of("SYN-001", "SYN-002", "SYN-013", "SYN-017", "SYN-024", "SYN-025", "SYN-027", "SYN-039", "SYN-043", "SYN-049");

  /** The demo whose command line contains {@code marker}, up to the next demo. */
  private static String demo(String out, String marker) {
    int at = out.indexOf(marker);
    int end = out.indexOf("\n== ", at);
    return out.substring(at, end < 0 ? out.length() : end);
  }

  private static List<String> ids(String demo) {
    return Pattern.compile("  \\d\\. (SYN-\\d{3})").matcher(demo).results().map(m -> m.group(1)).toList();
  }
}
