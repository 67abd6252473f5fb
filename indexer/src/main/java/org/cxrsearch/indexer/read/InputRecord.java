package org.cxrsearch.indexer.read;

import java.util.Objects;
import org.cxrsearch.lucene.schema.ReportDocument;

/**
 * One report as read from an input, before it is embedded, with where it came from.
 *
 * @param file the input file the record was read from
 * @param line the 1-based line the record starts on; 0 when the input has no lines (a .txt file)
 * @param document the report
 */
public record InputRecord(String file, long line, ReportDocument document) {

  public InputRecord {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(document, "document");
  }

  public String id() {
    return document.id();
  }
}
