package org.cxrsearch.cli.radiology;

import java.util.Locale;

/** {@code on} / {@code off} option values. */
public final class OnOff {

  private OnOff() {}

  /** {@code true} for on, {@code false} for off; anything else is an error naming {@code option}. */
  public static boolean parse(String value, String option) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException(option + ": expected on or off, got '" + value + "'");
    };
  }
}
