package org.cxrsearch.searcher.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The header row of a tab-separated file, checked for the columns a reader needs. */
record TsvHeader(List<String> columns) {

  static TsvHeader read(BufferedReader in, Path path, String... required) throws IOException {
    String line = in.readLine();
    if (line == null) {
      throw new IllegalArgumentException(path + ": empty file, expected a header with " + Arrays.toString(required));
    }
    TsvHeader header = new TsvHeader(List.of(line.split("\t", -1)));
    for (String column : required) {
      if (!header.columns.contains(column)) {
        throw new IllegalArgumentException(
            path + ": no column '" + column + "' in the header; it has " + header.columns);
      }
    }
    return header;
  }

  int index(String column) {
    return columns.indexOf(column);
  }

  String[] fields(String line, Path path, long lineNo) {
    String[] f = line.split("\t", -1);
    if (f.length != columns.size()) {
      throw new IllegalArgumentException(
          path + ":" + lineNo + ": expected " + columns.size() + " tab-separated fields, found " + f.length);
    }
    return f;
  }
}
