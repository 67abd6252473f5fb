package org.cxrsearch.radiology.finding;

import java.util.Locale;

/** The side of the chest a finding is on, when the report says. */
public enum Laterality {
  LEFT,
  RIGHT,
  BILATERAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Both sides together: different sides make {@link #BILATERAL}. */
  public Laterality merge(Laterality other) {
    if (other == null || other == this) {
      return this;
    }
    return BILATERAL;
  }

  /** Parses {@link #label()} (any case); also accepts {@code "l"}, {@code "r"}, {@code "both"}. */
  public static Laterality parse(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "left", "l" -> LEFT;
      case "right", "r" -> RIGHT;
      case "bilateral", "both" -> BILATERAL;
      default -> throw new IllegalArgumentException("unknown laterality '" + s + "' (expected left, right or bilateral)");
    };
  }
}
