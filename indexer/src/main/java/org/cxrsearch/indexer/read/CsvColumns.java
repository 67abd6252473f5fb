package org.cxrsearch.indexer.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which CSV column feeds which field, from {@code --csv-columns id=uid,findings=findings,date=study_date}.
 * The keys {@code id}, {@code text}, {@code findings} and {@code impression} are the report fields;
 * any other key names a metadata field. Report fields that are not mapped default to the column of
 * the same name when the header has one.
 *
 * @param mapping field name to column name, in the order given; empty for "by header name, every
 *     other column becomes metadata"
 */
public record CsvColumns(Map<String, String> mapping) {

  static final List<String> REPORT_FIELDS = List.of("id", "text", "findings", "impression");

  /** No mapping: columns are matched by name and the others become metadata. */
  public static final CsvColumns BY_HEADER = new CsvColumns(Map.of());

  public CsvColumns {
    mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
  }

  /** Parses {@code field=column[,field=column...]}. */
  public static CsvColumns parse(String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException("bad CSV column mapping entry '" + pair + "': expected field=column");
      }
      String field = pair.substring(0, eq).strip();
      if (m.put(field, pair.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException("the CSV column mapping maps '" + field + "' twice");
      }
    }
    return new CsvColumns(m);
  }

  /**
   * Resolves the mapping against a header.
   *
   * @return for each field, the index of its column
   * @throws IllegalArgumentException when a mapped column is missing; the message lists the header
   */
  Map<String, Integer> resolve(List<String> header, String file) {
    Map<String, Integer> byField = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> e : mapping.entrySet()) {
      int index = header.indexOf(e.getValue());
      if (index < 0) {
        missing.add(e.getKey() + "=" + e.getValue());
      }
      byField.put(e.getKey(), index);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": columns " + missing + " not in the header; the header has " + header);
    }
    for (String field : REPORT_FIELDS) {
      if (!byField.containsKey(field) && header.contains(field)) {
        byField.put(field, header.indexOf(field));
      }
    }
    if (mapping.isEmpty()) {
      for (int i = 0; i < header.size(); i++) {
        byField.putIfAbsent(header.get(i), i);
      }
    }
    if (!byField.containsKey("id")) {
      throw new IllegalArgumentException(
          file + ": no id column; name it with --csv-columns id=<column>; the header has " + header);
    }
    return byField;
  }

  @Override
  public String toString() {
    return mapping.isEmpty() ? "(by header name)" : Objects.toString(mapping);
  }
}
