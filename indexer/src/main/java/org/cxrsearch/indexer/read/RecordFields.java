package org.cxrsearch.indexer.read;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.schema.ReportFields;

/**
 * The fields of one record as a reader found them, before validation. Every format fills one of
 * these, so the rules (an id is required, some text is required, {@code study_date} is an ISO date)
 * live in one place. The metadata keys {@code study_date}, {@code study_id} and {@code patient_id}
 * go to the schema's dedicated, filterable fields; the other keys stay free metadata.
 */
final class RecordFields {

  String id;
  String text;
  String findings;
  String impression;
  String source;
  final Map<String, String> metadata = new LinkedHashMap<>();

  /** The record, or the reason it is rejected. */
  ReadOutcome validate(String file, long line) {
    if (id == null || id.isBlank()) {
      return new ReadOutcome.Rejected(new RecordError(file, line, null, "missing id"));
    }
    String key = id.strip();
    if (isBlank(text) && isBlank(findings) && isBlank(impression)) {
      return reject(file, line, key, "missing text: no non-blank text, findings or impression");
    }
    Map<String, String> free = new LinkedHashMap<>(metadata);
    ReportDocument.Builder doc =
        ReportDocument.builder(key)
            .text(text)
            .findings(findings)
            .impression(impression)
            .studyId(free.remove(ReportFields.STUDY_ID))
            .patientId(free.remove(ReportFields.PATIENT_ID))
            .source(source);
    String date = free.remove(ReportFields.STUDY_DATE);
    if (date != null) {
      try {
        doc.studyDate(LocalDate.parse(date.strip()));
      } catch (DateTimeParseException e) {
        return reject(file, line, key, "study_date '" + date + "' is not an ISO date (yyyy-mm-dd)");
      }
    }
    free.values().removeIf(String::isBlank);
    try {
      return new ReadOutcome.Accepted(new InputRecord(file, line, doc.metadata(free).build()));
    } catch (IllegalArgumentException e) { // the schema's own rules: empty metadata key, over-long keyword
      return reject(file, line, key, e.getMessage());
    }
  }

  private static ReadOutcome reject(String file, long line, String id, String reason) {
    return new ReadOutcome.Rejected(new RecordError(file, line, id, reason));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
