package org.cxrsearch.indexer.read;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of one record as a reader found them, before validation. Every format fills one of
 * these, so the rules "an id is required" and "some text is required" live in one place.
 */
final class RecordFields {

  String id;
  String text;
  String findings;
  String impression;
  final Map<String, String> metadata = new LinkedHashMap<>();

  /** The record, or the reason it is rejected (missing id, missing text). */
  ReadOutcome validate(String file, long line) {
    if (InputRecord.isBlank(id)) {
      return new ReadOutcome.Rejected(new RecordError(file, line, null, "missing id"));
    }
    if (InputRecord.isBlank(text) && InputRecord.isBlank(findings) && InputRecord.isBlank(impression)) {
      return new ReadOutcome.Rejected(
          new RecordError(file, line, id, "missing text: no non-blank text, findings or impression"));
    }
    return new ReadOutcome.Accepted(new InputRecord(file, line, id.strip(), text, findings, impression, metadata));
  }
}
