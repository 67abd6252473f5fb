package org.cxrsearch.indexer.read;

import java.util.Map;
import java.util.Objects;

/**
 * One report as read from an input, before it is embedded: where it came from, its id, its text
 * (whole, or as findings and impression) and free metadata.
 *
 * @param source the input file the record was read from
 * @param line the 1-based line the record starts on; 0 when the input has no lines (a .txt file)
 * @param id the unique report id
 * @param text the whole report text, or {@code null} when only findings/impression are given
 * @param findings the findings section, or {@code null}
 * @param impression the impression section, or {@code null}
 * @param metadata other fields, in input order (dates, study and patient ids, modality, ...)
 */
public record InputRecord(
    String source,
    long line,
    String id,
    String text,
    String findings,
    String impression,
    Map<String, String> metadata) {

  public InputRecord {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
    metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    if (isBlank(text) && isBlank(findings) && isBlank(impression)) {
      throw new IllegalArgumentException("a record needs a text or findings/impression: " + id);
    }
  }

  /**
   * The text that is embedded and searched: {@code text} when given, else findings and impression
   * joined by a blank line (the order a radiologist writes them).
   */
  public String fullText() {
    if (!isBlank(text)) {
      return text;
    }
    if (isBlank(findings)) {
      return impression;
    }
    return isBlank(impression) ? findings : findings + "\n\n" + impression;
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
