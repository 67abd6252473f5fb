package org.cxrsearch.cli.radiology;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.cxrsearch.indexer.read.CsvColumns;
import org.cxrsearch.indexer.read.InputFormat;
import org.cxrsearch.indexer.read.InputRecord;
import org.cxrsearch.indexer.read.ReadLimits;
import org.cxrsearch.indexer.read.ReadOutcome;
import org.cxrsearch.indexer.read.RecordReader;
import picocli.CommandLine.Option;

/**
 * {@code --input} and {@code --csv-columns} of the radiology verbs (a picocli mixin): reports are read
 * with the indexer's readers, in the formats {@code cxrsearch index} takes.
 */
public final class ReportInput {

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "A .jsonl or .csv file of reports, or a directory of .txt files (as for `cxrsearch index`).")
  Path input;

  @Option(names = "--csv-columns", paramLabel = "MAP",
      description = "CSV only: field=column pairs, e.g. id=uid,findings=findings,impression=impression.")
  String csvColumns;

  /**
   * Calls {@code each} for every well-formed report; a bad record is reported on {@code err} as
   * {@code FILE:LINE: reason} and skipped.
   *
   * @return how many records were bad
   */
  int forEach(PrintWriter err, String verb, Consumer<InputRecord> each) throws IOException {
    CsvColumns columns = csvColumns == null ? CsvColumns.BY_HEADER : CsvColumns.parse(csvColumns);
    int bad = 0;
    try (RecordReader reader = InputFormat.guess(input).open(input, columns, ReadLimits.DEFAULTS)) {
      while (reader.hasNext()) {
        ReadOutcome o = reader.next();
        if (o instanceof ReadOutcome.Accepted a) {
          each.accept(a.record());
        } else if (o instanceof ReadOutcome.Rejected r) {
          bad++;
          err.println("cxrsearch " + verb + ": " + r.error().file() + ":" + r.error().line() + ": " + r.error().reason());
        }
      }
    }
    return bad;
  }
}
