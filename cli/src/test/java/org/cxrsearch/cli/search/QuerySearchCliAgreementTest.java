package org.cxrsearch.cli.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cxrsearch.cli.CxrSearch;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.searcher.search.InstructionPreset;
import org.cxrsearch.searcher.search.QuerySearch;
import org.cxrsearch.searcher.search.RadiologyLayer;
import org.cxrsearch.searcher.search.SimilarSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The library flows ({@link QuerySearch}, {@link SimilarSearch}) against {@code cxrsearch search}
 * and {@code similar} on one index of the bundled sample reports, built by {@code cxrsearch index}
 * (layer on by default) with the tiny model: the same hits, scores, understood query, per-hit
 * explanations and facets, whichever host asks.
 */
@Timeout(120)
class QuerySearchCliAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path index;
  static ReportIndex idx;
  static OnnxEncoder encoder;

  @BeforeAll
  static void build() throws Exception {
    Path testdata = Path.of(System.getProperty("cxr.testdata", "../testdata")).toAbsolutePath();
    Path model = testdata.resolve("llm2vec4cxr-tiny/onnx");
    index = dir.resolve("idx");
    JsonNode none = cli("index", "--index", index.toString(), "--input", testdata.resolve("reports/sample_reports.jsonl").toString(),
        "--model", model.toString(), "--progress", "none");
    assertTrue(none == null);
    idx = ReportIndex.openReadOnly(index);
    encoder = OnnxEncoder.open(new BundleLoader().load(model), EncoderConfig.defaults());
  }

  @AfterAll
  static void close() throws Exception {
    idx.close();
    encoder.close();
  }

  /** Runs the CLI; its stdout as JSON when it printed any. */
  private static JsonNode cli(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CxrSearch.newCommandLine();
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    assertEquals(0, cl.execute(args), err.toString());
    return args[0].equals("index") ? null : JSON.readTree(out.toString());
  }

  private static void assertSameHits(JsonNode cli, List<SearchHit> hits, Map<String, String> explanations) {
    List<String> cliIds = new ArrayList<>();
    cli.get("hits").forEach(h -> cliIds.add(h.get("id").asText()));
    assertEquals(cliIds, hits.stream().map(SearchHit::id).toList());
    for (int i = 0; i < hits.size(); i++) {
      JsonNode h = cli.get("hits").get(i);
      assertEquals(h.get("score").asDouble(), hits.get(i).score(), 1e-6, h.toString());
      assertEquals(h.has("radiology") ? h.get("radiology").asText() : null, explanations.get(hits.get(i).id()), h.toString());
    }
  }

  private QuerySearch.Result library(RadiologyLayer layer, QuerySearch.Request request) throws Exception {
    return QuerySearch.open(idx, layer, encoder::encodeQuery).search(request);
  }

  @Test
  void bm25WithTheLayerExplainedAndFaceted() throws Exception {
    JsonNode cli = cli("search", "--index", index.toString(), "--mode", "bm25", "--query", "pneumothorax", "-k", "5", "--explain",
        "--facets", "--json");
    QuerySearch.Result lib = library(RadiologyLayer.AUTO, QuerySearch.Request.builder(SearchMode.BM25, "pneumothorax")
        .luceneQuery("pneumothorax").k(5).explain(true).facets(true).build());
    assertSameHits(cli, lib.hits(), lib.explanations());
    assertEquals(cli.get("understood").asText(), lib.understood().describe());
    Map<String, Map<String, Integer>> facets = new java.util.TreeMap<>();
    lib.facets().forEach((f, m) -> m.forEach((st, n) -> facets.computeIfAbsent(f, x -> new java.util.TreeMap<>()).put(st.label(), n)));
    assertEquals(JSON.valueToTree(facets), cli.get("facets"));
    assertFalse(lib.hits().isEmpty());
  }

  @Test
  void hybridAndKnnEncodeWhatTheLayerUnderstood() throws Exception {
    JsonNode cli = cli("search", "--index", index.toString(), "--query", "no pneumothorax", "-k", "5", "--explain", "--json");
    QuerySearch.Result lib = library(RadiologyLayer.AUTO, QuerySearch.Request.builder(SearchMode.HYBRID, "no pneumothorax").k(5)
        .explain(true).build());
    assertSameHits(cli, lib.hits(), lib.explanations());

    cli = cli("search", "--index", index.toString(), "--mode", "knn", "--query", "enlarged heart", "--preset", "status", "-k", "4",
        "--depth", "20", "--explain", "--json");
    lib = library(RadiologyLayer.AUTO, QuerySearch.Request.builder(SearchMode.KNN, "enlarged heart").preset(InstructionPreset.STATUS, null)
        .k(4).depth(20).explain(true).build());
    assertSameHits(cli, lib.hits(), lib.explanations());
  }

  @Test
  void filteredHybridWithTheLayerOffAndALuceneBm25Side() throws Exception {
    JsonNode cli = cli("search", "--index", index.toString(), "--query", "pleural effusion", "--bm25-query", "effusion OR fluid",
        "--filter", "patient_id=P0020", "--radiology", "off", "--fusion", "linear", "--json");
    QuerySearch.Result lib = library(RadiologyLayer.OFF, QuerySearch.Request.builder(SearchMode.HYBRID, "pleural effusion")
        .luceneQuery("effusion OR fluid").filters(List.of(FieldFilter.parse("patient_id=P0020")))
        .fusion(new org.cxrsearch.lucene.fuse.LinearFusion(org.cxrsearch.lucene.fuse.ScoreNormalization.MIN_MAX), 1, 1).build());
    assertSameHits(cli, lib.hits(), lib.explanations());
    assertEquals(3, lib.hits().size()); // the patient's three studies
  }

  @Test
  void similarCasesWithAndWithoutTheLayer() throws Exception {
    for (RadiologyLayer layer : List.of(RadiologyLayer.AUTO, RadiologyLayer.OFF)) {
      JsonNode cli = cli("similar", "--index", index.toString(), "--id", "SYN-049", "-k", "5", "--explain", "--json", "--radiology",
          layer.name().toLowerCase(java.util.Locale.ROOT));
      SimilarSearch.Result lib = SimilarSearch.open(idx, layer).similar("SYN-049", 5, List.of());
      assertSameHits(cli, lib.hits(), lib.explanations());
    }
  }
}
