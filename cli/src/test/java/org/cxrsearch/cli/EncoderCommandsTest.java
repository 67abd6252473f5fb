package org.cxrsearch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The encoder verbs' contract as scripts see it: JSON lines in, JSON lines out in order, numbers
 * equal to the PyTorch goldens, errors on stderr naming the line, non-zero exit codes.
 */
class EncoderCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path testdata;
  private static JsonNode goldens;

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void load() throws IOException {
    testdata = Path.of(System.getProperty("cxr.testdata"));
    goldens = JSON.readTree(testdata.resolve("llm2vec4cxr-tiny/goldens.json").toFile());
  }

  private static JsonNode goldenCase(String id) {
    return StreamSupport.stream(goldens.get("cases").spliterator(), false)
        .filter(c -> c.get("id").asText().equals(id)).findFirst().orElseThrow();
  }

  private int run(String... args) {
    CommandLine cl = CxrSearch.newCommandLine();
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private String model() {
    return testdata.resolve("llm2vec4cxr-tiny/onnx").toString();
  }

  private Path jsonl(List<String> texts) throws IOException {
    Path in = dir.resolve("in.jsonl");
    List<String> lines = new ArrayList<>();
    for (String t : texts) {
      lines.add(JSON.writeValueAsString(java.util.Map.of("text", t)));
    }
    Files.write(in, lines);
    return in;
  }

  private List<JsonNode> readLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static List<String> texts(JsonNode c) {
    List<String> t = new ArrayList<>();
    c.get("texts").forEach(n -> t.add(n.asText()));
    return t;
  }

  @Test
  void encodeTextMatchesTheGoldensInOrder() throws IOException {
    JsonNode c = goldenCase("encode-text-edges");
    Path out = dir.resolve("out.jsonl");
    assertEquals(0, run("encode", "--model", model(), "--input", jsonl(texts(c)).toString(), "--output", out.toString()), err.toString());
    List<JsonNode> rows = readLines(out);
    assertEquals(c.get("texts").size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode expected = c.get("embedding_single").get(i);
      JsonNode got = rows.get(i).get("embedding");
      assertEquals(expected.size(), got.size());
      for (int d = 0; d < expected.size(); d++) {
        assertEquals(expected.get(d).asDouble(), got.get(d).asDouble(), 1e-5, "text " + i + " dim " + d);
      }
    }
  }

  @Test
  void encodeInstructionModeWithInstructionOptionEqualsTheSeparatorText() throws IOException {
    // card-effusion-status query: "Determine the status of the pleural effusion.!@#$%^&*()There is ..."
    JsonNode c = goldenCase("card-effusion-status");
    String query = c.get("texts").get(0).asText();
    int sep = query.indexOf("!@#$%^&*()");
    Path out = dir.resolve("out.jsonl");
    assertEquals(0, run("encode", "--model", model(), "--mode", "instruction", "--instruction", query.substring(0, sep),
        "--normalize", "--input", jsonl(List.of(query.substring(sep + 10))).toString(), "--output", out.toString()), err.toString());
    JsonNode got = readLines(out).get(0).get("embedding");
    JsonNode expected = c.get("embedding_single").get(0);
    double norm = 0;
    for (JsonNode x : expected) {
      norm += x.asDouble() * x.asDouble();
    }
    norm = Math.sqrt(norm);
    for (int d = 0; d < expected.size(); d++) {
      assertEquals(expected.get(d).asDouble() / norm, got.get(d).asDouble(), 1e-5, "dim " + d);
    }
  }

  @Test
  void tokenizeGivesTheReferenceIdsAndPoolingMask() throws IOException {
    JsonNode c = goldenCase("separator-edges");
    Path out = dir.resolve("out.jsonl");
    assertEquals(0, run("tokenize", "--model", model(), "--mode", "instruction", "--input", jsonl(texts(c)).toString(),
        "--output", out.toString()), err.toString());
    List<JsonNode> rows = readLines(out);
    for (int i = 0; i < rows.size(); i++) {
      List<Long> ids = new ArrayList<>();
      List<Long> mask = new ArrayList<>();
      for (int t = 0; t < c.get("input_ids").get(i).size(); t++) {
        if (c.get("attention_mask").get(i).get(t).asInt() == 1) {
          ids.add(c.get("input_ids").get(i).get(t).asLong());
          mask.add(c.get("embed_mask").get(i).get(t).asLong());
        }
      }
      assertArrayEquals(ids.stream().mapToLong(Long::longValue).toArray(), longs(rows.get(i).get("input_ids")), "ids " + i);
      assertArrayEquals(mask.stream().mapToLong(Long::longValue).toArray(), longs(rows.get(i).get("embed_mask")), "mask " + i);
    }
  }

  @Test
  void similaritiesMatchTheGoldens() throws IOException {
    JsonNode c = goldenCase("card-retrieval");
    List<String> all = texts(c);
    Path out = dir.resolve("out.jsonl");
    assertEquals(0, run("similarities", "--model", model(), "--query", all.get(0),
        "--input", jsonl(all.subList(1, all.size())).toString(), "--output", out.toString()), err.toString());
    JsonNode scores = readLines(out).get(0).get("scores");
    assertEquals(c.get("similarities").size(), scores.size());
    for (int i = 0; i < scores.size(); i++) {
      assertEquals(c.get("similarities").get(i).asDouble(), scores.get(i).asDouble(), 1e-5);
    }
  }

  @Test
  void aBadLineIsNamedByItsNumberAndTheExitCodeIsNonZero() throws IOException {
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(in, "{\"text\": \"ok\"}\n\n{\"text\": 3}\n");
    int code = run("encode", "--model", model(), "--input", in.toString(), "--output", dir.resolve("o").toString());
    assertEquals(1, code);
    assertTrue(err.toString().contains(in + ":3: field \"text\" is missing or not a string"), err.toString());
  }

  @Test
  void malformedJsonAndInvalidUtf8AreNamed() throws IOException {
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(in, "{\"text\": \"ok\"}\n{\"text\": \n");
    assertEquals(1, run("encode", "--model", model(), "--input", in.toString(), "--output", dir.resolve("o").toString()));
    assertTrue(err.toString().contains(in + ":2: not valid JSON"), err.toString());

    Path bytes = dir.resolve("latin1.jsonl");
    byte[] good = "{\"text\": \"fine\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] latin1 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'};
    try (var out = Files.newOutputStream(bytes)) {
      out.write(good);
      out.write(good);
      out.write(latin1);
    }
    assertEquals(1, run("encode", "--model", model(), "--input", bytes.toString(), "--output", dir.resolve("o").toString()));
    assertTrue(err.toString().contains(bytes + ":3: not valid UTF-8"), err.toString());
  }

  @Test
  void instructionWithoutInstructionModeIsRefused() throws IOException {
    assertEquals(1, run("encode", "--model", model(), "--instruction", "x", "--input", jsonl(List.of("a")).toString()));
    assertTrue(err.toString().contains("--instruction needs --mode instruction"), err.toString());
  }

  @Test
  void aMissingModelIsAClearError() throws IOException {
    assertEquals(1, run("encode", "--model", dir.resolve("nope").toString(), "--input", jsonl(List.of("a")).toString()));
    assertTrue(err.toString().contains("not a directory"), err.toString());
  }

  private static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }
}
