package org.cxrsearch.radiology.finding;

import java.util.Locale;

/** How a finding changed since a prior study, when the report says (ConText's temporality, Harkema et al. 2009). */
public enum Change {
  NEW,
  INCREASED,
  DECREASED,
  RESOLVED,
  UNCHANGED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #label()} (any case). */
  public static Change parse(String s) {
    for (Change v : values()) {
      if (v.name().equalsIgnoreCase(s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown change '" + s + "' (expected new, increased, decreased, resolved or unchanged)");
  }
}
