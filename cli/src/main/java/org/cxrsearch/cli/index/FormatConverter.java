package org.cxrsearch.cli.index;

import java.util.Locale;
import org.cxrsearch.indexer.read.InputFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code jsonl}, {@code csv}, {@code txt-dir} to {@link InputFormat}. */
final class FormatConverter implements ITypeConverter<InputFormat> {
  @Override
  public InputFormat convert(String value) {
    try {
      return InputFormat.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "': expected jsonl, csv or txt-dir");
    }
  }
}
