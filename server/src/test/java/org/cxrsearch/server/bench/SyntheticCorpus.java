package org.cxrsearch.server.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.cxrsearch.onnx.bench.SyntheticReports;
import org.cxrsearch.server.http.Json;

/**
 * Writes {@code n} synthetic reports (the project's own sentence bank, {@link SyntheticReports})
 * as JSON lines with the indexer's fields, for the server benchmarks:
 * {@code java ... SyntheticCorpus OUT.jsonl N}. Deterministic.
 */
public final class SyntheticCorpus {

  private SyntheticCorpus() {}

  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]), Integer.parseInt(args[1]));
  }

  public static void write(Path out, int n) throws IOException {
    List<String> texts = new SyntheticReports(42).generate(n);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        w.write(line(i, texts.get(i)));
        w.newLine();
      }
    }
  }

  /** Report {@code i}: id, text, a patient (every 4 reports share one), a date spread over four years. */
  public static String line(int i, String text) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("id", "SYN-" + i);
    o.put("text", text);
    o.put("patient_id", "P" + (i / 4));
    o.put("study_date", LocalDate.of(2020, 1, 1).plusDays(i % 1461).toString());
    o.put("view", i % 3 == 0 ? "AP" : "PA");
    return o.toString();
  }
}
