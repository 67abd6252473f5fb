package org.cxrsearch.server.es;

import org.cxrsearch.lucene.schema.ReportFields;

/**
 * How an Elasticsearch field name maps onto the report schema ({@link ReportFields}): the three text
 * fields, the study date, the keyword fields (id, study and patient ids) and every other name as a
 * metadata keyword ({@code view} and {@code metadata.view} are field {@code meta.view}).
 */
enum FieldKind {
  TEXT,
  DATE,
  KEYWORD;

  /** The mapping type Elasticsearch would report for this kind. */
  String esType() {
    return switch (this) {
      case TEXT -> "text";
      case DATE -> "date";
      case KEYWORD -> "keyword";
    };
  }

  static FieldKind of(String esField) {
    String f = luceneField(esField);
    if (ReportFields.TEXT_FIELDS.contains(f)) {
      return TEXT;
    }
    return f.equals(ReportFields.STUDY_DATE) ? DATE : KEYWORD;
  }

  /** The Lucene field of an Elasticsearch field name. */
  static String luceneField(String esField) {
    if (esField.equals("_id")) {
      return ReportFields.ID;
    }
    if (esField.startsWith("metadata.")) {
      return ReportFields.metaField(esField.substring("metadata.".length()));
    }
    if (ReportFields.TEXT_FIELDS.contains(esField) || ReportFields.isFilterable(esField)) {
      return esField;
    }
    return ReportFields.metaField(esField);
  }
}
