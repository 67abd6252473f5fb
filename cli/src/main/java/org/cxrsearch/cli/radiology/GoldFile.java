package org.cxrsearch.cli.radiology;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrsearch.indexer.read.CsvColumns;
import org.cxrsearch.indexer.read.CsvRecordReader;
import org.cxrsearch.indexer.read.ReadLimits;
import org.cxrsearch.indexer.read.ReadOutcome;
import org.cxrsearch.radiology.eval.GoldLabels;
import org.cxrsearch.radiology.eval.LabelScheme;
import org.cxrsearch.radiology.eval.MeshGold;
import org.cxrsearch.radiology.lexicon.Lexicon;

/**
 * A gold-label CSV, recognised by its header: a {@code MeSH} column (the IU reports CSV: id column
 * {@code uid} or {@code id}) gives MeSH gold; otherwise the first column is the id and every other
 * column a 0/1 label (NegBio's {@code openi_gld_std14.csv}). Read with the indexer's CSV reader, so
 * quoted fields with commas and line breaks are handled; a bad row is an error naming file and line.
 */
record GoldFile(LabelScheme scheme, GoldLabels labels) {

  static GoldFile read(Path csv, Lexicon lexicon, boolean uncertainIsPositive) throws IOException {
    List<String> header = header(csv);
    String file = csv.toString();
    if (header.contains("MeSH")) {
      return new GoldFile(LabelScheme.mesh(lexicon, uncertainIsPositive), new MeshGold(lexicon).labels(mesh(csv)));
    }
    if (header.size() < 2) {
      throw new IllegalArgumentException(file + ": expected an id column and label columns, or a MeSH column; the header has " + header);
    }
    StringBuilder spec = new StringBuilder("id=" + header.get(0) + ",text=" + header.get(0));
    for (String label : header.subList(1, header.size())) {
      spec.append(',').append(label).append('=').append(label);
    }
    List<String[]> rows = new ArrayList<>();
    for (var r : rows(csv, CsvColumns.parse(spec.toString()))) {
      String[] row = new String[header.size()];
      row[0] = r.id();
      for (int i = 1; i < header.size(); i++) {
        row[i] = r.metadata().getOrDefault(header.get(i), "");
      }
      rows.add(row);
    }
    LabelScheme openI = LabelScheme.openI14();
    for (String label : header.subList(1, header.size())) {
      if (!openI.labels().containsKey(label)) {
        throw new IllegalArgumentException(file + ": label column '" + label + "' is not one of " + openI.names());
      }
    }
    return new GoldFile(new LabelScheme(openI.name(), openI.labels(), uncertainIsPositive, false),
        GoldLabels.fromBinaryColumns(header.toArray(String[]::new), rows));
  }

  /** Report id to MeSH column of a CSV with a {@code MeSH} column and a {@code uid} or {@code id} column. */
  static Map<String, String> mesh(Path csv) throws IOException {
    List<String> header = header(csv);
    String idColumn = header.contains("uid") ? "uid" : header.contains("id") ? "id" : null;
    if (!header.contains("MeSH") || idColumn == null) {
      throw new IllegalArgumentException(csv + ": a MeSH gold file needs a 'MeSH' and a 'uid' or 'id' column; the header has " + header);
    }
    Map<String, String> mesh = new LinkedHashMap<>();
    for (var r : rows(csv, CsvColumns.parse("id=" + idColumn + ",text=MeSH"))) {
      mesh.put(GoldLabels.reportId(r.id()), r.text());
    }
    return mesh;
  }

  private static List<String> header(Path csv) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      if (line == null) {
        throw new IllegalArgumentException(csv + ": empty gold file");
      }
      List<String> out = new ArrayList<>();
      for (String h : line.split(",", -1)) {
        out.add(h.strip().replace("\"", "").replace("\uFEFF", ""));
      }
      return out;
    }
  }

  private static List<org.cxrsearch.lucene.schema.ReportDocument> rows(Path csv, CsvColumns columns) throws IOException {
    List<org.cxrsearch.lucene.schema.ReportDocument> out = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(csv, columns, ReadLimits.DEFAULTS)) {
      while (reader.hasNext()) {
        ReadOutcome o = reader.next();
        if (o instanceof ReadOutcome.Rejected r) {
          throw new IllegalArgumentException(r.error().file() + ":" + r.error().line() + ": " + r.error().reason());
        }
        out.add(((ReadOutcome.Accepted) o).record().document());
      }
    }
    return out;
  }
}
