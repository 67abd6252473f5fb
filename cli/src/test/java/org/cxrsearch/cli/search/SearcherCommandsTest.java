package org.cxrsearch.cli.search;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.store.IncompatibleIndexException;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.cli.CliErrorHandler;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.searcher.common.IndexModel;
import org.cxrsearch.searcher.search.InstructionPreset;
import org.cxrsearch.cli.search.SearchCommand;
import org.cxrsearch.cli.search.SimilarCommand;
import org.cxrsearch.cli.search.StatsCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The search, similar and stats commands end to end on an index built with the tiny random-weight
 * LLM2Vec4CXR fixture; expected KNN scores are recomputed with the encoder directly.
 */
class SearcherCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<ReportDocument> REPORTS = List.of(
      ReportDocument.builder("r1").text("Small left pleural effusion. No pneumothorax.").meta("view", "PA").build(),
      ReportDocument.builder("r2").text("Large right pleural effusion with compressive atelectasis.").meta("view", "AP").build(),
      ReportDocument.builder("r3").text("Heart size is normal. Lungs are clear.").meta("view", "PA").build(),
      ReportDocument.builder("r4").text("Interval increase in cardiomegaly. No effusion.").meta("view", "PA").build(),
      ReportDocument.builder("r5").text("Right upper lobe consolidation, pneumonia likely.").meta("view", "AP").build());

  @TempDir static Path dir;
  static Path model;
  static List<float[]> docVectors = new ArrayList<>();
  static final String KNN_QUERY = "effusion on the left";
  static float[] knnQueryVector; // encoded once here: opening the encoder is the slow part of these tests

  @BeforeAll
  static void buildIndex() throws Exception {
    model = Path.of(System.getProperty("cxr.testdata", "../testdata")).resolve("llm2vec4cxr-tiny/onnx").toAbsolutePath();
    try (OnnxEncoder encoder = OnnxEncoder.open(new BundleLoader().load(model), EncoderConfig.defaults())) {
      float[][] vectors = encoder.encodeDocuments(REPORTS.stream().map(ReportDocument::text).toList());
      knnQueryVector = Vectors.l2Normalized(encoder.encodeQuery(InstructionPreset.STATUS.instruction("pleural effusion"), KNN_QUERY));
      IndexMetadata meta = new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT, model.toString());
      try (ReportIndex index = ReportIndex.openForWriting(dir, meta, IndexSettings.DEFAULTS)) {
        for (int i = 0; i < REPORTS.size(); i++) {
          docVectors.add(Vectors.l2Normalized(vectors[i]));
          index.upsert(REPORTS.get(i), vectors[i]);
        }
        index.commit();
      }
    }
  }

  private record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private static Run run(Object command, String... args) {
    CommandLine cl = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(new CliErrorHandler());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void bm25JsonHasTheDocumentedShape() throws Exception {
    Run r = run(new SearchCommand(), "--index", dir.toString(), "--query", "\"pleural effusion\"", "--mode", "bm25", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode root = r.json();
    assertTrue(root.get("took_ms").isNumber());
    JsonNode hits = root.get("hits");
    assertEquals(List.of("r1", "r2"), ids(hits).stream().sorted().toList());
    assertTrue(hits.get(0).get("knn").isNull());
    assertEquals(hits.get(0).get("score").asDouble(), hits.get(0).get("bm25").asDouble());
    assertTrue(hits.get(0).get("fields").get("text").asText().contains("pleural effusion"));
  }

  @Test
  void knnUsesTheIndexModelAndScoresAreCosines() throws Exception {
    Run r = run(new SearchCommand(), "--index", dir.toString(), "--query", KNN_QUERY, "--mode", "knn",
        "--preset", "status", "--finding", "pleural effusion", "-k", "3", "--json");
    assertEquals(0, r.exit(), r.err());
    float[] q = knnQueryVector;
    JsonNode hits = r.json().get("hits");
    assertEquals(3, hits.size());
    for (JsonNode h : hits) {
      int i = Integer.parseInt(h.get("id").asText().substring(1)) - 1;
      assertEquals(Vectors.dot(q, docVectors.get(i)), h.get("knn").asDouble(), 1e-4);
      assertTrue(h.get("bm25").isNull());
    }
  }

  @Test
  void hybridWithFilterAndExplanation() throws Exception {
    Run r = run(new SearchCommand(), "--index", dir.toString(), "--query", "effusion", "--filter", "view=PA",
        "--explain", "--json", "--fusion", "linear", "--normalization", "l2");
    assertEquals(0, r.exit(), r.err());
    JsonNode hits = r.json().get("hits");
    assertEquals(3, hits.size(), "only the three PA reports pass the filter");
    for (JsonNode h : hits) {
      assertEquals("PA", h.get("fields").get("meta.view").asText());
      JsonNode e = h.get("explanation");
      assertEquals("linear(l2)", e.get("method").asText());
      double sum = 0;
      for (JsonNode p : e.get("parts")) {
        sum += p.get("contribution").asDouble();
        assertTrue(p.get("rank").asInt() >= 1);
      }
      assertEquals(h.get("score").asDouble(), sum, 1e-9);
    }
  }

  @Test
  void badQuerySyntaxIsAUserError() {
    Run r = run(new SearchCommand(), "--index", dir.toString(), "--query", "effusion AND (", "--mode", "bm25");
    assertEquals(CliErrorHandler.EXIT_FAILURE, r.exit());
    assertTrue(r.err().contains("bad query syntax at column 15"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  /** Report text is full of Lucene syntax; hybrid mode searches it as words on the BM25 side. */
  @Test
  void hybridSearchesReportTextAsWords() throws Exception {
    Run r = run(new SearchCommand(), "--index", dir.toString(), "--query", "cardiomegaly s/p CABG", "-k", "5", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("r4"), bm25Ids(r.json().get("hits")), "only r4 mentions cardiomegaly");

    // not a query on a field "IMPRESSION": the effusion reports match on BM25
    r = run(new SearchCommand(), "--index", dir.toString(), "--query", "IMPRESSION: effusion", "-k", "5", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("r1", "r2", "r4"), bm25Ids(r.json().get("hits")));

    // --bm25-query gives the BM25 side Lucene syntax: the phrase leaves out r4's "No effusion"
    r = run(new SearchCommand(), "--index", dir.toString(), "--query", "IMPRESSION: effusion", "--bm25-query", "\"pleural effusion\"",
        "-k", "5", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("r1", "r2"), bm25Ids(r.json().get("hits")));
    assertEquals(5, r.json().get("hits").size(), "the KNN side still ranks every report");
  }

  @Test
  void bm25ModeKeepsLuceneSyntax() {
    Run r = run(new SearchCommand(), "--index", dir.toString(), "--query", "cardiomegaly s/p CABG", "--mode", "bm25");
    assertEquals(CliErrorHandler.EXIT_FAILURE, r.exit());
    assertTrue(r.err().contains("bad query syntax at column"), r.err());
    Run misplaced = run(new SearchCommand(), "--index", dir.toString(), "--query", "effusion", "--mode", "bm25", "--bm25-query", "effusion");
    assertEquals(CommandLine.ExitCode.USAGE, misplaced.exit());
    assertTrue(misplaced.err().contains("--bm25-query is for --mode hybrid"), misplaced.err());
  }

  /** The ids of the hits the BM25 side returned, sorted. */
  private static List<String> bm25Ids(JsonNode hits) {
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> {
      if (!h.get("bm25").isNull()) {
        ids.add(h.get("id").asText());
      }
    });
    return ids.stream().sorted().toList();
  }

  @Test
  void similarExcludesTheReport() throws Exception {
    Run r = run(new SimilarCommand(), "--index", dir.toString(), "--id", "r1", "-k", "4", "--json");
    assertEquals(0, r.exit(), r.err());
    List<String> ids = ids(r.json().get("hits"));
    assertEquals(4, ids.size());
    assertFalse(ids.contains("r1"));
    Run missing = run(new SimilarCommand(), "--index", dir.toString(), "--id", "nope");
    assertEquals(CliErrorHandler.EXIT_FAILURE, missing.exit());
    assertTrue(missing.err().contains("no report with id 'nope'"), missing.err());
  }

  @Test
  void statsReportsTheModel() throws Exception {
    Run r = run(new StatsCommand(), "--index", dir.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode s = r.json();
    assertEquals(5, s.get("documents").asInt());
    assertEquals("onnx", s.get("model").asText());
    assertEquals(docVectors.get(0).length, s.get("dimensions").asInt());
    assertEquals("float", s.get("quantization").asText());
  }

  @Test
  void missingIndexIsAUserError() {
    Run r = run(new StatsCommand(), "--index", dir.resolve("absent").toString());
    assertEquals(CliErrorHandler.EXIT_FAILURE, r.exit());
    assertTrue(r.err().contains("no index at"), r.err());
  }

  @Test
  void queriesOfAnotherModelAreRefused() throws Exception {
    IndexMetadata meta = ReportIndex.readMetadata(dir);
    EncoderInfo built = meta.encoder();
    EncoderInfo other = new EncoderInfo("other", built.family(), built.dimensions(), "different", built.instructionFormat());
    var e = assertThrows(IncompatibleIndexException.class, () -> IndexModel.requireSameModel(meta, other));
    assertTrue(e.getMessage().contains("not comparable"), e.getMessage());
    assertEquals(model.toString(), meta.modelSpec());
  }

  private static List<String> ids(JsonNode hits) {
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }
}
