package org.cxrsearch.cli.index;

import org.cxrsearch.cli.ModelOptions;
import org.cxrsearch.cli.CliErrorHandler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cxrsearch.cli.index.FakeModelIndexCommand;
import org.cxrsearch.indexer.HashingEncoder;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.bundle.ModelResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IndexCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(CommandLine cl, String... args) {
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private int index(String... args) {
    return run(FakeModelIndexCommand.commandLine(0), args);
  }

  @Test
  void badRecordsOfEveryKindAreLoggedWithTheirLinesAndTheExitCodeSaysSo() throws IOException {
    Path in = dir.resolve("reports.jsonl");
    try (var o = Files.newOutputStream(in)) {
      o.write("""
          {"id": "ok1", "findings": "Heart size normal.", "impression": "No acute disease.", "study_date": "2024-05-01"}
          {"id": "broken", "text": 
          {"text": "no id here"}
          {"id": "empty", "text": ""}
          {"id": "bad-date", "text": "x", "study_date": "yesterday"}
          """.getBytes(StandardCharsets.UTF_8));
      o.write("{\"id\": \"latin1\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8));
      o.write(new byte[] {(byte) 0xE9}); // é in Latin-1: not UTF-8
      o.write("\"}\n".getBytes(StandardCharsets.UTF_8));
      o.write(("{\"id\": \"huge\", \"text\": \"" + "a".repeat(2000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
      o.write("{\"id\": \"ok2\", \"text\": \"Left PICC tip in the SVC.\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    Path index = dir.resolve("idx");
    int code = index("--index", index.toString(), "--input", in.toString(), "--max-record-bytes", "1000", "--progress", "none");
    assertEquals(IndexCommand.EXIT_BAD_RECORDS, code, err.toString());

    Path errors = dir.resolve("idx.errors.jsonl");
    List<String> lines = Files.readAllLines(errors);
    assertEquals(6, lines.size(), lines.toString());
    String[] expected = {
      "\"line\":2,\"id\":null,\"reason\":\"malformed JSON",
      "\"line\":3,\"id\":null,\"reason\":\"missing id\"",
      "\"line\":4,\"id\":\"empty\",\"reason\":\"missing text",
      "\"line\":5,\"id\":\"bad-date\",\"reason\":\"study_date 'yesterday' is not an ISO date",
      "\"line\":6,\"id\":null,\"reason\":\"invalid UTF-8 at byte",
      "\"line\":7,\"id\":null,\"reason\":\"oversized record: longer than 1000 bytes\"",
    };
    for (int i = 0; i < expected.length; i++) {
      assertTrue(lines.get(i).contains(expected[i]), lines.get(i) + " should contain " + expected[i]);
      assertTrue(lines.get(i).startsWith("{\"file\":\"" + in + "\""), lines.get(i));
    }
    assertTrue(out.toString().contains("read 8 records: indexed 2, skipped 0 (already indexed), failed 6"), out.toString());
    try (ReportIndex r = ReportIndex.openReadOnly(index)) {
      assertEquals(2, r.numDocs());
      assertEquals(java.time.LocalDate.of(2024, 5, 1), r.get("ok1").orElseThrow().studyDate());
    }
  }

  @Test
  void recordsTheSchemaOrLuceneRefuseAreBadRecordsNotAFailedRun() throws IOException {
    Path in = dir.resolve("reports.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\": \"a\", \"text\": \"Clear lungs.\"}",
        "{\"id\": \"b\", \"text\": \"Effusion.\", \"\": \"x\"}",
        "{\"id\": \"c\", \"text\": \"Effusion.\", \"note\": \"" + "n".repeat(40_000) + "\"}",
        "{\"id\": \"d\", \"text\": \"Cardiomegaly.\"}") + "\n");
    Path index = dir.resolve("idx");
    int code = index("--index", index.toString(), "--input", in.toString(), "--progress", "none");
    assertEquals(IndexCommand.EXIT_BAD_RECORDS, code, err.toString());
    List<String> lines = Files.readAllLines(dir.resolve("idx.errors.jsonl"));
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("\"line\":2,\"id\":\"b\",\"reason\":\"report 'b': metadata key is empty"), lines.get(0));
    assertTrue(lines.get(1).contains("\"line\":3,\"id\":\"c\",\"reason\":\"report 'c': metadata 'note' is 40000 bytes"), lines.get(1));
    try (ReportIndex r = ReportIndex.openReadOnly(index)) {
      assertEquals(2, r.numDocs());
      assertTrue(r.get("a").isPresent() && r.get("d").isPresent());
    }
  }

  @Test
  void cleanRunExitsZeroAndDeleteRemovesIds() throws IOException {
    Path in = dir.resolve("reports.csv");
    Files.writeString(in, "uid,report,patient\n1,Clear lungs.,P1\n2,Small right effusion.,P2\n3,ETT 4 cm above the carina.,P1\n");
    Path index = dir.resolve("idx");
    assertEquals(0, index("--index", index.toString(), "--input", in.toString(), "--csv-columns", "id=uid,text=report,patient_id=patient", "--progress", "none"), err.toString());
    assertFalse(Files.exists(dir.resolve("idx.errors.jsonl")), "no errors file for a clean run");

    int code = run(new CommandLine(new DeleteCommand()), "--index", index.toString(), "--id", "2", "--id", "9");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("deleted 1 of 2 ids") && out.toString().contains("not in the index: 9"), out.toString());
    try (ReportIndex r = ReportIndex.openReadOnly(index)) {
      assertEquals(2, r.numDocs());
      assertTrue(r.get("2").isEmpty());
      assertEquals("P1", r.get("3").orElseThrow().patientId());
    }
  }

  @Test
  void anIndexOfAnotherModelIsRefusedAndLeftIntact() throws IOException {
    Path in = dir.resolve("a.jsonl");
    Files.writeString(in, "{\"id\": \"a\", \"text\": \"Clear.\"}\n");
    Path index = dir.resolve("idx");
    assertEquals(0, index("--index", index.toString(), "--input", in.toString(), "--progress", "none"));
    CommandLine other =
        new CommandLine(new IndexCommand(o -> new HashingEncoder("hashing-v2", 0)))
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(new org.cxrsearch.cli.CliErrorHandler());
    int code = run(other, "--index", index.toString(), "--input", in.toString(), "--progress", "none");
    assertEquals(1, code);
    assertTrue(err.toString().contains("refusing to add vectors"), err.toString());
    try (ReportIndex r = ReportIndex.openReadOnly(index)) {
      assertEquals(1, r.numDocs());
      assertEquals("hashing-v1", r.metadata().encoder().fingerprint());
    }
  }

  @Test
  void theRecordedModelSourceIsUsableFromAnyDirectory() throws IOException {
    var options = new org.cxrsearch.cli.ModelOptions();
    String commit = "0123456789abcdef0123456789abcdef01234567";
    var unpinnedBundle = info("some-local-name");
    var hubBundle = info("lukeingawesome/llm2vec4cxr@" + commit);
    options.model("lukeingawesome/llm2vec4cxr");
    assertEquals("lukeingawesome/llm2vec4cxr@" + commit, IndexCommand.modelSource(options, hubBundle),
        "a repository id is recorded pinned to the commit it resolved to");
    assertEquals("lukeingawesome/llm2vec4cxr", IndexCommand.modelSource(options, unpinnedBundle),
        "kept as given when the bundle does not name its commit");
    options.model("lukeingawesome/llm2vec4cxr@0123abc");
    assertEquals("lukeingawesome/llm2vec4cxr@0123abc", IndexCommand.modelSource(options, unpinnedBundle));
    Files.createDirectories(dir.resolve("models"));
    Files.createDirectories(dir.resolve("bundle"));
    options.model(dir.resolve("models/../bundle").toString());
    assertEquals(dir.resolve("bundle").toAbsolutePath().toString(), IndexCommand.modelSource(options, unpinnedBundle),
        "a directory is made absolute");
    options.model(ModelResolver.DEFAULT);
    assertEquals("default", IndexCommand.modelSource(options, unpinnedBundle));

    // and it is what the index records
    Path in = dir.resolve("a.jsonl");
    Files.writeString(in, "{\"id\": \"a\", \"text\": \"Clear.\"}\n");
    Path index = dir.resolve("idx");
    assertEquals(0, index("--index", index.toString(), "--input", in.toString(), "--model", "owner/name", "--progress", "none"), err.toString());
    assertEquals("owner/name", ReportIndex.readMetadata(index).modelSource());
  }

  @Test
  void appendingToAnIndexKeepsItsQuantizationAndInstructionUnlessTheyAreGivenDifferently() throws IOException {
    Path in = dir.resolve("a.jsonl");
    Files.writeString(in, "{\"id\": \"a\", \"text\": \"Clear.\"}\n");
    Path more = dir.resolve("b.jsonl");
    Files.writeString(more, "{\"id\": \"b\", \"text\": \"Effusion.\"}\n");
    Path index = dir.resolve("idx");
    assertEquals(0, index("--index", index.toString(), "--input", in.toString(), "--quantization", "int8",
        "--instruction", "Describe; ", "--progress", "none"), err.toString());

    assertEquals(0, index("--index", index.toString(), "--input", more.toString(), "--resume", "--progress", "none"), err.toString());
    assertEquals(0, index("--index", index.toString(), "--input", more.toString(), "--quantization", "int8", "--progress", "none"), err.toString());
    var metadata = ReportIndex.readMetadata(index);
    assertEquals(org.cxrsearch.lucene.codec.VectorQuantization.INT8, metadata.quantization());
    assertEquals("Describe; ", metadata.documentInstruction());

    CommandLine refusing = FakeModelIndexCommand.commandLine(0).setExecutionExceptionHandler(new org.cxrsearch.cli.CliErrorHandler());
    assertEquals(1, run(refusing, "--index", index.toString(), "--input", more.toString(), "--quantization", "binary", "--progress", "none"));
    assertTrue(err.toString().contains("refusing to add vectors that differ in quantization:")
        && err.toString().contains("index has 'INT8', requested 'BINARY'"), err.toString());
    try (ReportIndex r = ReportIndex.openReadOnly(index)) {
      assertEquals(2, r.numDocs());
    }
  }

  private static org.cxrsearch.onnx.encode.EncoderInfo info(String name) {
    return new org.cxrsearch.onnx.encode.EncoderInfo(name, org.cxrsearch.onnx.bundle.ModelFamily.LLM2VEC4CXR, 8, "sha256:x",
        org.cxrsearch.onnx.encode.InstructionFormat.LLM2VEC);
  }

  @Test
  void appendingWithoutModelUsesTheModelTheIndexRecords() throws IOException {
    Path in = dir.resolve("a.jsonl");
    Files.writeString(in, "{\"id\": \"a\", \"text\": \"Clear.\"}\n");
    Path modelDir = Files.createDirectories(dir.resolve("some-bundle"));
    Path index = dir.resolve("idx");
    java.util.List<String> asked = new java.util.ArrayList<>();
    java.util.function.Supplier<CommandLine> recording = () -> new CommandLine(new IndexCommand(options -> {
      asked.add(options.model());
      return new org.cxrsearch.indexer.HashingEncoder("hashing-v1", 0);
    })).setCaseInsensitiveEnumValuesAllowed(true);
    assertEquals(0, run(recording.get(), "--index", index.toString(), "--input", in.toString(), "--model", modelDir.toString(),
        "--progress", "none"), err.toString());
    assertEquals(0, run(recording.get(), "--index", index.toString(), "--input", in.toString(), "--progress", "none"), err.toString());
    assertEquals(java.util.List.of(modelDir.toString(), modelDir.toAbsolutePath().normalize().toString()), asked);
  }

  @Test
  void badOptionValuesAreABadCommandLine() throws IOException {
    Path in = dir.resolve("a.jsonl");
    Files.writeString(in, "{\"id\": \"a\", \"text\": \"Clear.\"}\n");
    Path index = dir.resolve("idx");
    for (String option : List.of("--commit-every", "--commit-seconds", "--window", "--max-record-bytes")) {
      assertEquals(2, index("--index", index.toString(), "--input", in.toString(), option, "0"), option);
      assertTrue(err.toString().contains("Invalid value for option '" + option + "': 0 (must be at least 1)"), err.toString());
    }
    assertFalse(Files.exists(index), "nothing was created");
  }

  @Test
  void settingsNameTheBadValue() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> org.cxrsearch.indexer.pipeline.IndexingSettings.DEFAULTS.withCommits(0, java.time.Duration.ofSeconds(5)));
    assertTrue(e.getMessage().endsWith("commitEvery=0, commitInterval=PT5S, windowSize=256, queueDepth=2"), e.getMessage());
  }

  @Test
  void deleteRefusesAPathWithoutAnIndexAndCreatesNothing() throws IOException {
    CommandLine delete = new CommandLine(new DeleteCommand()).setExecutionExceptionHandler(new org.cxrsearch.cli.CliErrorHandler());
    Path typo = dir.resolve("typo");
    assertEquals(1, run(delete, "--index", typo.toString(), "--id", "a"));
    assertTrue(err.toString().contains("no index at " + typo + ": not a directory"), err.toString());
    assertFalse(Files.exists(typo), "the directory was not created");

    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(1, run(delete, "--index", empty.toString(), "--id", "a"));
    assertTrue(err.toString().contains("no index at " + empty + " (no segments file)"), err.toString());
    try (var files = Files.list(empty)) {
      assertEquals(0, files.count(), "nothing was written into it");
    }
  }

  @Test
  void textDirectoryInput() throws IOException {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve("CXR-001.txt"), "FINDINGS: No focal consolidation.\nIMPRESSION: Normal chest.");
    Files.writeString(reports.resolve("CXR-002.txt"), "Interval placement of a left IJ central line.");
    Path index = dir.resolve("idx");
    assertEquals(0, index("--index", index.toString(), "--input", reports.toString(), "--progress", "lines"), err.toString());
    try (ReportIndex r = ReportIndex.openReadOnly(index)) {
      assertEquals(2, r.numDocs());
      assertTrue(r.get("CXR-001").orElseThrow().text().startsWith("FINDINGS:"));
    }
  }
}
