package org.cxrsearch.lucene.schema;

import org.apache.lucene.document.Document;

/**
 * Adds derived fields to a report's Lucene document at index time (the radiology layer's finding
 * fields, for one). Called by {@link ReportDocumentMapper#toDocument} after the schema's own fields;
 * must be thread-safe and must not add fields named in {@link ReportFields}.
 */
@FunctionalInterface
public interface DocumentEnricher {

  /** Adds the fields derived from {@code report} to {@code doc}. */
  void enrich(ReportDocument report, Document doc);
}
