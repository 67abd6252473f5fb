package org.cxrsearch.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's {@code testdata/}: the tiny LLM2Vec4CXR fixture and the synthetic sample reports. */
final class TestData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestData() {}

  static Path root() {
    Path p = Path.of(System.getProperty("cxr.testdata", "../testdata"));
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("testdata directory not found at " + p.toAbsolutePath());
    }
    return p;
  }

  /** The tiny random-weight LLM2Vec4CXR as an ONNX bundle (no manifest). */
  static Path tinyBundle() {
    return root().resolve("llm2vec4cxr-tiny").resolve("onnx");
  }

  /** The PyTorch reference's outputs for the tiny fixture (the repository's copy). */
  static JsonNode tinyGoldens() {
    return read(root().resolve("llm2vec4cxr-tiny").resolve("goldens.json"));
  }

  /**
   * The 51 synthetic sample reports as segments: findings and impression joined, the report id in
   * the metadata under {@code id}.
   */
  static List<TextSegment> sampleReports() {
    Path file = root().resolve("reports").resolve("sample_reports.jsonl");
    List<TextSegment> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode r = JSON.readTree(line);
        String text = r.path("findings").asText() + " " + r.path("impression").asText();
        out.add(TextSegment.from(text.strip(), Metadata.from("id", r.path("id").asText())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
    return out;
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }
}
