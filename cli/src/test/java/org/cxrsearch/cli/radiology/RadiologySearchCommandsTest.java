package org.cxrsearch.cli.radiology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cxrsearch.cli.CxrSearch;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * search, similar and eval with the radiology layer, through the real command line, on indexes of
 * reports written here (the tiny random-weight model gives the vectors: rankings come from the layer).
 */
@Timeout(60)
class RadiologySearchCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<ReportDocument> REPORTS = List.of(
      ReportDocument.of("ptx", "Small right apical pneumothorax. No pleural effusion."),
      ReportDocument.of("noptx", "No pneumothorax after chest tube removal. Lungs are clear."),
      ReportDocument.of("resolved", "The left pneumothorax has resolved."),
      ReportDocument.of("effusion", "Moderate left pleural effusion. No pneumothorax."),
      ReportDocument.of("cardio", "The heart is enlarged. Lungs are clear."));

  @TempDir static Path dir;
  static Path withLayer;
  static Path withoutLayer;
  static Path model;

  @BeforeAll
  static void buildIndexes() throws Exception {
    model = Path.of(System.getProperty("cxr.testdata", "../testdata")).resolve("llm2vec4cxr-tiny/onnx").toAbsolutePath();
    withLayer = dir.resolve("with");
    withoutLayer = dir.resolve("without");
    try (OnnxEncoder encoder = OnnxEncoder.open(new BundleLoader().load(model), EncoderConfig.defaults())) {
      float[][] vectors = encoder.encodeDocuments(REPORTS.stream().map(ReportDocument::text).toList());
      IndexMetadata meta = new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT, model.toString());
      for (Path p : List.of(withLayer, withoutLayer)) {
        try (ReportIndex index = ReportIndex.openForWriting(p, meta, IndexSettings.DEFAULTS.withRadiology(p == withLayer))) {
          for (int i = 0; i < REPORTS.size(); i++) {
            index.upsert(REPORTS.get(i), vectors[i]);
          }
          index.commit();
        }
      }
    }
  }

  private record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CxrSearch.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  private static List<String> ids(JsonNode hits) {
    List<String> out = new ArrayList<>();
    hits.forEach(h -> out.add(h.get("id").asText()));
    return out;
  }

  @Test
  void aPlainTermFindsTheReportThatAffirmsIt() throws Exception {
    Run on = run("search", "--index", withLayer.toString(), "--query", "pneumothorax", "--mode", "bm25", "--json");
    assertEquals(0, on.exit(), on.err());
    assertEquals("ptx", ids(on.json().get("hits")).get(0));
    assertFalse(ids(on.json().get("hits")).contains("noptx"), on.out()); // says there is none: excluded
    Run off = run("search", "--index", withLayer.toString(), "--query", "pneumothorax", "--mode", "bm25", "--radiology", "off", "--json");
    assertTrue(ids(off.json().get("hits")).containsAll(List.of("ptx", "noptx", "resolved", "effusion")), off.out());
  }

  @Test
  void aNegatedQueryAndLayWordingAreUnderstood() throws Exception {
    Run no = run("search", "--index", withLayer.toString(), "--query", "no pneumothorax", "--model", model.toString(), "--json");
    assertEquals(0, no.exit(), no.err());
    assertFalse(ids(no.json().get("hits")).contains("ptx"), no.out());
    Run lay = run("search", "--index", withLayer.toString(), "--query", "enlarged heart", "--model", model.toString(), "--json", "--explain");
    assertEquals("cardio", ids(lay.json().get("hits")).get(0));
    assertTrue(lay.json().get("understood").asText().startsWith("cardiomegaly=present"), lay.out());
    assertEquals("cardiomegaly: present (asked present) +20.0", lay.json().get("hits").get(0).get("radiology").asText());
  }

  @Test
  void findingFieldsFilterAndFacetsCountOverTheHits() throws Exception {
    Run r = run("search", "--index", withLayer.toString(), "--query", "pneumothorax", "--mode", "bm25", "--radiology", "off",
        "--filter", "finding.pneumothorax=absent", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("effusion", "noptx", "resolved"), ids(r.json().get("hits")).stream().sorted().toList());
    Run f = run("search", "--index", withLayer.toString(), "--query", "pneumothorax", "--mode", "bm25", "--radiology", "on",
        "--facets", "--json");
    JsonNode ptx = f.json().at("/facets/pneumothorax");
    assertEquals(1, ptx.get("present").asInt(), f.out()); // contradicting reports were excluded from the result set
    assertTrue(ptx.get("absent") == null, f.out());
  }

  @Test
  void theLayerCannotBeForcedOnAnIndexBuiltWithoutIt() {
    Run r = run("search", "--index", withoutLayer.toString(), "--query", "pneumothorax", "--mode", "bm25", "--radiology", "on");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("built without the radiology layer"), r.err());
    // auto: the plain engine
    Run auto = run("search", "--index", withoutLayer.toString(), "--query", "pneumothorax", "--mode", "bm25", "--json");
    assertEquals(0, auto.exit(), auto.err());
  }

  @Test
  void similarExplainsSharedAndConflictingFindings() throws Exception {
    Run r = run("similar", "--index", withLayer.toString(), "--id", "resolved", "-k", "4", "--explain", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode hits = r.json().get("hits");
    assertEquals(4, hits.size());
    String all = hits.toString();
    assertTrue(all.contains("\"id\":\"ptx\""), all);
    assertTrue(all.contains("conflicting [pneumothorax"), all); // 'resolved' denies what 'ptx' affirms
    // the vector-only ranking on the same index
    Run off = run("similar", "--index", withLayer.toString(), "--id", "resolved", "-k", "4", "--radiology", "off", "--json");
    assertEquals(4, off.json().get("hits").size());
  }

  @Test
  void evalComparesTheLayerOffAndOnInOneRun() throws Exception {
    Path queries = Files.writeString(dir.resolve("q.tsv"), "qid\tquery\nQ1\tpneumothorax\n");
    Path qrels = Files.writeString(dir.resolve("qrels.tsv"), "qid\tuid\tgrade\nQ1\tptx\t1\nQ1\tnoptx\t0\nQ1\tresolved\t0\nQ1\teffusion\t0\n");
    Run r = run("eval", "--index", withLayer.toString(), "--queries", queries.toString(), "--qrels", qrels.toString(),
        "--mode", "bm25", "--compare-radiology", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = r.json();
    assertEquals(1.0, j.at("/radiology on/ndcg@10").asDouble(), 1e-9, r.out());
    assertEquals(0.0, j.at("/radiology on/hardneg@10").asDouble(), 1e-9);
    assertTrue(j.at("/radiology off/hardneg@10").asDouble() > 0, r.out());
  }

  @Test
  void indexCanLeaveTheLayerOut() throws Exception {
    Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"a\", \"text\": \"No pneumothorax.\"}\n");
    Path idx = dir.resolve("cli-off");
    Run r = run("index", "--index", idx.toString(), "--input", input.toString(), "--model", model.toString(), "--radiology", "off",
        "--progress", "none");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, run("search", "--index", idx.toString(), "--query", "x", "--mode", "bm25", "--radiology", "on").exit());
    Run bad = run("index", "--index", idx.toString(), "--input", input.toString(), "--model", model.toString(), "--radiology", "maybe");
    assertTrue(bad.err().contains("--radiology: expected on or off, got 'maybe'"), bad.err());
  }
}
