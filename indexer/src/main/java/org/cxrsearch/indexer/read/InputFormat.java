package org.cxrsearch.indexer.read;

import java.io.IOException;
import java.nio.file.Path;

/** The input formats {@code cxrsearch index} reads, and how to open each. */
public enum InputFormat {
  JSONL,
  CSV,
  TXT_DIR;

  /** The format implied by a path: a directory is {@code txt-dir}, {@code *.csv} is CSV, else JSONL. */
  public static InputFormat guess(Path input) {
    if (java.nio.file.Files.isDirectory(input)) {
      return TXT_DIR;
    }
    return input.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
  }

  /** Opens a reader; {@code columns} is used by CSV only. */
  public RecordReader open(Path input, CsvColumns columns, ReadLimits limits) throws IOException {
    return switch (this) {
      case JSONL -> new JsonLinesReader(input, limits);
      case CSV -> new CsvRecordReader(input, columns, limits);
      case TXT_DIR -> new TextDirectoryReader(input, limits);
    };
  }
}
