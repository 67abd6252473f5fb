package org.cxrsearch.cli.search;

import java.io.PrintWriter;
import java.util.List;
import org.cxrsearch.lucene.search.SearchHit;
import picocli.CommandLine.Option;

/** {@code --explain} and {@code --json} of the commands that print hits (a picocli mixin). */
public final class OutputOptions {

  @Option(names = "--explain", description = "Show each part's score and rank and the final score.")
  boolean explain;

  @Option(names = "--json", description = "Print JSON: {\"hits\": [{\"id\", \"score\", \"bm25\", \"knn\", \"fields\"}], \"took_ms\"}.")
  boolean json;

  /** Prints {@code hits}, timed from {@code startNanos} ({@link System#nanoTime()}). */
  public void print(PrintWriter out, List<SearchHit> hits, long startNanos) {
    HitsOutput.print(out, hits, (System.nanoTime() - startNanos) / 1_000_000, json, explain);
  }

  /** Prints {@code hits} with what a verb adds ({@link HitsOutput.Extras}). */
  public void print(PrintWriter out, List<SearchHit> hits, long startNanos, HitsOutput.Extras extras) {
    HitsOutput.print(out, hits, (System.nanoTime() - startNanos) / 1_000_000, json, explain, extras);
  }

  public boolean explain() {
    return explain;
  }
}
