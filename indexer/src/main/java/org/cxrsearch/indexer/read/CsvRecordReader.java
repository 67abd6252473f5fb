package org.cxrsearch.indexer.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180: comma separated, double-quoted fields may hold commas, quotes written twice and
 * line breaks; CRLF or LF line ends; an optional UTF-8 byte order mark) with a header row and a
 * {@link CsvColumns} mapping. {@link RecordSplitter} cuts the input into records (keeping line
 * numbers, isolating oversized and non-UTF-8 records); Jackson's CSV parser splits each record into
 * fields. A quote inside an unquoted field is kept as a character. A row whose field count differs
 * from the header's, or with text after a closing quote, is rejected; empty cells count as absent.
 */
public final class CsvRecordReader extends SplitRecordReader {

  /** One CSV row as a list of strings; immutable and thread-safe. */
  private static final ObjectReader ROW =
      new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY);

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
    if (row.startsWith("\uFEFF")) { // a byte order mark, as spreadsheet exports write
      row = row.substring(1);
    }
    try {
      return split(row);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": bad header row: " + e.getMessage(), e);
    }
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

  /**
   * RFC 4180 field splitting of one record, by Jackson's CSV parser: quoted fields may hold commas,
   * line breaks and doubled quotes; a quote inside an unquoted field is a literal character.
   *
   * @throws IllegalArgumentException with the parser's reason and column when the record is malformed
   */
  static List<String> split(String record) {
    if (record.isEmpty()) {
      return new ArrayList<>(List.of(""));
    }
    try (MappingIterator<List<String>> rows = ROW.readValues(record)) {
      List<String> cells = new ArrayList<>(rows.nextValue());
      if (rows.hasNextValue()) {
        throw new IllegalArgumentException("more than one row in one record");
      }
      return cells;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String reason = e.getOriginalMessage().contains("Expected column separator")
          ? "text after a closing quote" // the only place Jackson's parser expects a separator and finds text
          : e.getOriginalMessage().replace('\n', ' ');
      throw new IllegalArgumentException(
          reason + (at != null && at.getColumnNr() > 0 ? " (at character " + at.getColumnNr() + ")" : ""), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String: not expected
    }
  }
}
