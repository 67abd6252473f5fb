package org.cxrsearch.indexer.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180: comma separated, double-quoted fields may hold commas, quotes written twice and
 * line breaks) with a header row and a {@link CsvColumns} mapping. A row whose field count differs
 * from the header's, or with text after a closing quote, is rejected; empty cells count as absent.
 */
public final class CsvRecordReader extends SplitRecordReader {

  private final Map<String, Integer> columns;
  private final int width;

  public CsvRecordReader(Path path, CsvColumns mapping, ReadLimits limits) throws IOException {
    super(path, limits, true);
    List<String> header = readHeader();
    this.width = header.size();
    this.columns = mapping.resolve(header, file);
  }

  private List<String> readHeader() throws IOException {
    String row = readHeaderRecord();
    List<String> header;
    try {
      header = split(row);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": bad header row: " + e.getMessage(), e);
    }
    if (header.get(0).startsWith("\uFEFF")) { // a byte order mark, as spreadsheet exports write
      header.set(0, header.get(0).substring(1));
    }
    return header;
  }

  @Override
  protected ReadOutcome parse(String record, long line) {
    if (record.isEmpty()) {
      return null;
    }
    List<String> cells;
    try {
      cells = split(record);
    } catch (IllegalArgumentException e) {
      return reject(line, "malformed CSV: " + e.getMessage());
    }
    if (cells.size() != width) {
      return reject(line, "malformed CSV: expected " + width + " fields as in the header, found " + cells.size());
    }
    RecordFields fields = new RecordFields();
    fields.source = record;
    for (Map.Entry<String, Integer> e : columns.entrySet()) {
      String value = cells.get(e.getValue());
      if (value.isEmpty()) {
        continue;
      }
      switch (e.getKey()) {
        case "id" -> fields.id = value;
        case "text" -> fields.text = value;
        case "findings" -> fields.findings = value;
        case "impression" -> fields.impression = value;
        default -> fields.metadata.put(e.getKey(), value);
      }
    }
    return fields.validate(file, line);
  }

  /** RFC 4180 field splitting of one record. */
  static List<String> split(String record) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int n = record.length();
    while (true) {
      if (i < n && record.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("a quoted field is not closed");
          }
          char c = record.charAt(i++);
          if (c == '"') {
            if (i < n && record.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cell.append(c);
          }
        }
        if (i < n && record.charAt(i) != ',') {
          throw new IllegalArgumentException("text after a closing quote in field " + (cells.size() + 1));
        }
      } else {
        while (i < n && record.charAt(i) != ',') {
          char c = record.charAt(i++);
          if (c == '"') {
            throw new IllegalArgumentException("a quote inside an unquoted field " + (cells.size() + 1));
          }
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      cell.setLength(0);
      if (i >= n) {
        return cells;
      }
      i++; // the comma
    }
  }
}
