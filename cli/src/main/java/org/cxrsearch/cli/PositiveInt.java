package org.cxrsearch.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option value that must be a whole number of at least 1 ({@code -k}, {@code --depth}),
 * so that {@code -k 0} is a usage error (exit 2) caught before any index or model is opened.
 */
public final class PositiveInt implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    int v;
    try {
      v = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
    if (v < 1) {
      throw new TypeConversionException(v + " (must be at least 1)");
    }
    return v;
  }
}
