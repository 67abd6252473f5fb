package org.cxrsearch.lucene.radiology;

import org.apache.lucene.document.Document;
import org.cxrsearch.lucene.schema.DocumentEnricher;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.radiology.extract.FindingExtractor;

/** The radiology layer at index time: {@link FindingFields} of the report's text. Thread-safe. */
public final class RadiologyEnricher implements DocumentEnricher {

  private static final RadiologyEnricher STANDARD = new RadiologyEnricher(new FindingFields(FindingExtractor.standard()));

  private final FindingFields fields;

  public RadiologyEnricher(FindingFields fields) {
    this.fields = fields;
  }

  /** The enricher over the standard lexicon. */
  public static RadiologyEnricher standard() {
    return STANDARD;
  }

  @Override
  public void enrich(ReportDocument report, Document doc) {
    fields.addTo(doc, report.text());
  }
}
