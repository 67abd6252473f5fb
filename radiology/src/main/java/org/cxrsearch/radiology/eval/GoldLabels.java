package org.cxrsearch.radiology.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gold labels of a set of reports.
 *
 * @param positives report id to its positive labels (a report with none maps to an empty set)
 * @param uncertain report id to labels the gold marks as uncertain; they are left out of scoring
 * @param unmapped gold codes no label stands for, with how often they occur (coverage of the scheme)
 */
public record GoldLabels(Map<String, Set<String>> positives, Map<String, Set<String>> uncertain, Map<String, Integer> unmapped) {

  public GoldLabels {
    positives = Collections.unmodifiableMap(new LinkedHashMap<>(positives));
    uncertain = Collections.unmodifiableMap(new LinkedHashMap<>(uncertain));
    unmapped = Collections.unmodifiableMap(new LinkedHashMap<>(unmapped));
  }

  /**
   * Gold from binary columns (NegBio's {@code openi_gld_std14.csv}): {@code header} names the columns,
   * the first is the id; a cell {@code 1} is a positive label. An id of the form {@code CXR<n>} is
   * reduced to {@code <n>}, the IU report uid. A cell other than 0 or 1 is an error naming the row and column.
   */
  public static GoldLabels fromBinaryColumns(String[] header, Iterable<String[]> rows) {
    Map<String, Set<String>> pos = new LinkedHashMap<>();
    int r = 1;
    for (String[] row : rows) {
      r++;
      if (row.length != header.length) {
        throw new IllegalArgumentException("row " + r + ": " + row.length + " cells, the header has " + header.length);
      }
      Set<String> labels = new java.util.LinkedHashSet<>();
      for (int i = 1; i < row.length; i++) {
        String v = row[i].trim();
        if (v.equals("1")) {
          labels.add(header[i].trim());
        } else if (!v.equals("0") && !v.isEmpty()) {
          throw new IllegalArgumentException("row " + r + ", column '" + header[i] + "': expected 0 or 1, got '" + v + "'");
        }
      }
      pos.put(reportId(row[0]), labels);
    }
    return new GoldLabels(pos, Map.of(), Map.of());
  }

  /** {@code CXR123} to {@code 123}; other ids as they are. */
  public static String reportId(String id) {
    String t = id.trim();
    return t.regionMatches(true, 0, "CXR", 0, 3) && t.length() > 3 && t.substring(3).chars().allMatch(Character::isDigit) ? t.substring(3) : t;
  }
}
