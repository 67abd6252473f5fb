package org.cxrsearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.DefaultModel;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;

/**
 * The independent expectation: the project's standalone index ({@link ReportIndex}) of the same
 * reports with the same default model, searched by {@link ReportSearcher}, as {@code cxrsearch
 * index} + {@code cxrsearch search} do: documents encoded with {@code encodeDocuments} (no document
 * instruction), queries with {@code encodeQuery(instruction, text)}.
 */
final class StandaloneReports implements Closeable {

  static final Path REPORTS = Path.of(System.getProperty("cxr.testdata", "../testdata"), "reports", "sample_reports.jsonl");

  final List<String> lines;
  final List<ReportDocument> reports;
  final OnnxEncoder encoder;
  final ReportIndex index;
  final ReportSearcher searcher;

  StandaloneReports(Path dir) throws IOException {
    lines = Files.readAllLines(REPORTS).stream().filter(l -> !l.isBlank()).toList();
    ObjectMapper json = new ObjectMapper();
    reports = new ArrayList<>();
    for (String line : lines) {
      JsonNode n = json.readTree(line);
      reports.add(ReportDocument.builder(n.get("id").asText()).findings(text(n, "findings")).impression(text(n, "impression"))
          .patientId(text(n, "patient_id")).studyId(text(n, "study_id")).build());
    }
    encoder = OnnxEncoder.open(new BundleLoader().load(DefaultModel.extract(dir.resolve("cache"))), EncoderConfig.defaults());
    index = ReportIndex.openForWriting(dir.resolve("index"), new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT),
        IndexSettings.DEFAULTS);
    float[][] vectors = encoder.encodeDocuments(reports.stream().map(ReportDocument::text).toList());
    for (int i = 0; i < reports.size(); i++) {
      index.upsert(reports.get(i), vectors[i]);
    }
    index.commit();
    searcher = new ReportSearcher(index);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public void close() throws IOException {
    index.close();
    encoder.close();
  }
}
