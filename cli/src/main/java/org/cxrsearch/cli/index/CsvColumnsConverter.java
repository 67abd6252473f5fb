package org.cxrsearch.cli.index;

import org.cxrsearch.indexer.read.CsvColumns;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --csv-columns field=column,...} to {@link CsvColumns}: a bad mapping is a usage error (exit 2). */
final class CsvColumnsConverter implements ITypeConverter<CsvColumns> {
  @Override
  public CsvColumns convert(String value) {
    try {
      return CsvColumns.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
