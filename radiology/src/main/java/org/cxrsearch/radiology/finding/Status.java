package org.cxrsearch.radiology.finding;

import java.util.Locale;

/**
 * Whether a report says a finding is there. The order is the precedence used when mentions of one
 * finding disagree across a report: a finding affirmed anywhere in the findings or impression is
 * present, as in the CheXpert labeler's aggregation (Irvin et al. 2019).
 */
public enum Status {
  ABSENT,
  UNCERTAIN,
  PRESENT;

  /** Lower-case name, as printed and indexed ({@code "present"}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #label()} (any case); an unknown name is an error that lists the valid ones. */
  public static Status parse(String s) {
    for (Status v : values()) {
      if (v.name().equalsIgnoreCase(s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown finding status '" + s + "' (expected present, absent or uncertain)");
  }

  /** The stronger of two statuses ({@link #PRESENT} over {@link #UNCERTAIN} over {@link #ABSENT}). */
  public Status max(Status other) {
    return other == null || compareTo(other) >= 0 ? this : other;
  }
}
