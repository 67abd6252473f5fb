package org.cxrsearch.opensearch;

import com.carrotsearch.randomizedtesting.annotations.TimeoutSuite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.tests.util.TimeUnits;
import org.cxrsearch.lucene.fuse.PartScore;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.opensearch.hybrid.HybridSearchAction;
import org.cxrsearch.opensearch.hybrid.HybridSearchRequest;
import org.cxrsearch.opensearch.hybrid.HybridSearchResponse;
import org.opensearch.ExceptionsHelper;
import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.SearchType;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.common.bytes.BytesArray;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.InternalTestCluster;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;
import static org.opensearch.test.hamcrest.OpenSearchAssertions.assertAcked;

import org.junit.AfterClass;
import org.junit.BeforeClass;

/**
 * The plugin in a real three-node OpenSearch cluster (OpenSearch's own test framework, in this JVM):
 * the sample reports go through the {@code cxr_embed} pipeline with the default model into an index
 * of 3 shards and 1 replica, and every search is compared with the standalone index of the same
 * reports ({@link StandaloneReports}): KNN top 10, filtered KNN, BM25, hybrid (fused on global
 * ranks; parts and ranks too), similar cases. Then a data node stops: every search still answers
 * and all reports are still there; it restarts and the cluster goes green again.
 *
 * <p>Scores are compared within 1e-4 and rankings up to the order of hits with equal scores (the
 * two sides number documents differently, and ties are broken by document number).
 */
@ClusterScope(scope = Scope.SUITE, numDataNodes = 3, numClientNodes = 0, supportsDedicatedMasters = false)
@TimeoutSuite(millis = 10 * TimeUnits.MINUTE)
public class CxrSearchClusterTests extends OpenSearchIntegTestCase {

  private static final String INDEX = "reports";
  private static final double EPS = 1e-4;
  private static final List<String> QUERIES = List.of(
      "small left pleural effusion", "cardiomegaly with pulmonary edema", "no acute cardiopulmonary process",
      "right lower lobe pneumonia", "pneumothorax after line placement");

  private static StandaloneReports standalone;

  /** Hybrid queries compared hit for hit (no ties in either part); must not be zero. */
  private int fullHybridComparisons;

  @BeforeClass
  public static void buildStandalone() throws IOException {
    standalone = new StandaloneReports(createTempDir());
  }

  @AfterClass
  public static void closeStandalone() throws IOException {
    standalone.close();
    standalone = null; // the framework checks that suites leave no large static state behind
  }

  @Override
  protected Collection<Class<? extends Plugin>> nodePlugins() {
    return List.of(CxrSearchPlugin.class);
  }

  public void testSearchesEqualTheStandaloneIndexAndSurviveANodeLoss() throws Exception {
    createReportIndex();
    ingest();

    for (String q : QUERIES) {
      assertKnnEqualsStandalone(q, null, List.of());
      assertBm25EqualsStandalone(Bm25QueryParser.plainText(q));
      assertHybridEqualsStandalone(q);
    }
    assertTrue("no hybrid query was compared hit for hit", fullHybridComparisons > 0);
    assertKnnEqualsStandalone("pleural effusion", "{\"term\": {\"patient_id\": \"P0020\"}}", List.of(new FieldFilter("patient_id", "P0020")));
    assertBm25EqualsStandalone("\"pleural effusion\" AND NOT pneumothorax");
    assertSimilarEqualsStandalone("SYN-007");

    internalCluster().restartRandomDataNode(new InternalTestCluster.RestartCallback() {
      @Override
      public Settings onNodeStopped(String nodeName) throws Exception {
        ensureYellow(INDEX);
        assertAllReportsPresent();
        assertKnnEqualsStandalone(QUERIES.get(0), null, List.of());
        assertHybridEqualsStandalone(QUERIES.get(1));
        assertSimilarEqualsStandalone("SYN-012");
        return Settings.EMPTY;
      }
    });
    ensureGreen(INDEX);
    assertAllReportsPresent();
    assertKnnEqualsStandalone(QUERIES.get(2), null, List.of());
  }

  public void testMappingErrorsAreBadRequests() throws Exception {
    int dims = standalone.encoder.info().dimensions();
    assertBadRequest(() -> prepareCreate("dims").setSettings(vectorIndexSettings())
        .setMapping("{\"properties\": {\"vector\": {\"type\": \"cxr_vector\", \"dims\": 2048}}}").get(), "dimension mismatch");
    assertBadRequest(() -> prepareCreate("unknown").setSettings(vectorIndexSettings())
        .setMapping("{\"properties\": {\"vector\": {\"type\": \"cxr_vector\", \"model\": \"llm2vec4cxr-nope\"}}}").get(), "unknown model");
    assertBadRequest(() -> prepareCreate("nocodec")
        .setMapping("{\"properties\": {\"vector\": {\"type\": \"cxr_vector\"}}}").get(), "index.cxrsearch.enabled");
    assertBadRequest(() -> prepareCreate("quant").setSettings(vectorIndexSettings())
        .setMapping("{\"properties\": {\"vector\": {\"type\": \"cxr_vector\", \"quantization\": \"int3\"}}}").get(), "quantization");

    assertAcked(prepareCreate("ok").setSettings(vectorIndexSettings())
        .setMapping("{\"properties\": {\"vector\": {\"type\": \"cxr_vector\", \"model\": \"default\", \"quantization\": \"int8\"}}}"));
    String vector = zeros(dims, 1f);
    assertBadRequest(() -> client().prepareIndex("ok").setId("a")
        .setSource("{\"vector\": {\"model\": \"another-model-fingerprint\", \"vector\": " + vector + "}}", XContentType.JSON).get(),
        "wrong model");
    assertBadRequest(() -> client().prepareIndex("ok").setId("b")
        .setSource("{\"vector\": " + zeros(dims + 1, 1f) + "}", XContentType.JSON).get(), "dimensions");
    // The recorded model accepts its own vectors, and the mapping shows which model that is.
    client().prepareIndex("ok").setId("c").setSource("{\"vector\": {\"model\": \"" + standalone.encoder.info().fingerprint()
        + "\", \"vector\": " + vector + "}}", XContentType.JSON).get();
    String mapping = client().admin().indices().prepareGetMappings("ok").get().mappings().get("ok").source().string();
    assertTrue(mapping, mapping.contains(standalone.encoder.info().fingerprint()));

    // A report without text fails alone in its bulk request, naming its id; the other is indexed.
    putPipeline();
    BulkResponse bulk = client().prepareBulk()
        .add(client().prepareIndex("ok").setId("empty").setPipeline("cxr").setSource("{\"findings\": \" \"}", XContentType.JSON))
        .add(client().prepareIndex("ok").setId("full").setPipeline("cxr").setSource("{\"impression\": \"No effusion.\"}", XContentType.JSON))
        .get();
    assertEquals(RestStatus.BAD_REQUEST, bulk.getItems()[0].status());
    assertTrue(bulk.getItems()[0].getFailureMessage(), bulk.getItems()[0].getFailureMessage().contains("document [empty] has no report text"));
    assertFalse(bulk.getItems()[1].getFailureMessage(), bulk.getItems()[1].isFailed());
  }

  private static void putPipeline() {
    assertTrue(client().admin().cluster().preparePutPipeline("cxr",
        new BytesArray("{\"processors\": [{\"cxr_embed\": {\"target_field\": \"vector\"}}]}"), XContentType.JSON).get().isAcknowledged());
  }

  private static Settings vectorIndexSettings() {
    return Settings.builder().put("index.cxrsearch.enabled", true).build();
  }

  private static String zeros(int n, float first) {
    StringBuilder sb = new StringBuilder("[").append(first);
    for (int i = 1; i < n; i++) {
      sb.append(",0");
    }
    return sb.append(']').toString();
  }

  private static void assertBadRequest(ThrowingRunnable action, String expected) {
    Exception e = expectThrows(Exception.class, action);
    String messages = messages(e);
    assertEquals(messages, RestStatus.BAD_REQUEST, ExceptionsHelper.status(e));
    assertTrue("expected '" + expected + "' in: " + messages, messages.toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT)));
  }

  /** The messages of {@code t} and its causes: what a client sees as the error's reason and caused_by. */
  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getMessage()).append(" / ");
    }
    return sb.toString();
  }

  private void createReportIndex() {
    String text = "{\"type\": \"text\", \"analyzer\": \"cxr_report\"}";
    assertAcked(prepareCreate(INDEX).setSettings(Settings.builder().put("index.number_of_shards", 3)
        .put("index.number_of_replicas", 1).put("index.cxrsearch.enabled", true))
        .setMapping("{\"properties\": {\"text\": " + text + ", \"findings\": " + text + ", \"impression\": " + text
            + ", \"patient_id\": {\"type\": \"keyword\"}, \"vector\": {\"type\": \"cxr_vector\"}}}"));
    putPipeline();
    ensureGreen(INDEX);
  }

  private void ingest() {
    BulkRequestBuilder bulk = client().prepareBulk();
    for (int i = 0; i < standalone.lines.size(); i++) {
      bulk.add(client().prepareIndex(INDEX).setId(standalone.reports.get(i).id()).setPipeline("cxr")
          .setSource(standalone.lines.get(i), XContentType.JSON));
    }
    BulkResponse r = bulk.get();
    assertFalse(r.buildFailureMessage(), r.hasFailures());
    refresh(INDEX);
    assertAllReportsPresent();
  }

  private void assertAllReportsPresent() {
    SearchResponse r = client().prepareSearch(INDEX).setQuery(QueryBuilders.existsQuery("vector")).setSize(100)
        .setFetchSource(false).get();
    assertEquals(0, r.getFailedShards());
    Set<String> ids = new HashSet<>();
    r.getHits().forEach(h -> ids.add(h.getId()));
    Set<String> expected = new HashSet<>();
    standalone.reports.forEach(d -> expected.add(d.id()));
    assertEquals(expected, ids);
  }

  private void assertKnnEqualsStandalone(String q, String filterJson, List<FieldFilter> filters) throws IOException {
    String query = "{\"cxr_knn\": {\"field\": \"vector\", \"query_text\": " + quote(q) + ", \"k\": 10"
        + (filterJson == null ? "" : ", \"filter\": " + filterJson) + "}}";
    SearchResponse r = client().prepareSearch(INDEX).setQuery(QueryBuilders.wrapperQuery(query)).setSize(10).get();
    assertEquals(0, r.getFailedShards());
    List<Ranked> plugin = new ArrayList<>();
    r.getHits().forEach(h -> plugin.add(new Ranked(h.getId(), 2.0 * h.getScore() - 1)));
    float[] v = standalone.encoder.encodeQuery("", q);
    List<Ranked> expected = ranked(standalone.searcher.search(SearchRequest.builder(SearchMode.KNN).vector(v).filters(filters).k(10).build()));
    assertSameRanking("knn '" + q + "'", expected, plugin);
  }

  private void assertBm25EqualsStandalone(String luceneQuery) throws IOException {
    SearchResponse r = client().prepareSearch(INDEX).setSearchType(SearchType.DFS_QUERY_THEN_FETCH)
        .setQuery(QueryBuilders.wrapperQuery("{\"cxr_bm25\": {\"query\": " + quote(luceneQuery) + "}}")).setSize(10).get();
    assertEquals(0, r.getFailedShards());
    List<Ranked> plugin = new ArrayList<>();
    r.getHits().forEach(h -> plugin.add(new Ranked(h.getId(), h.getScore())));
    List<Ranked> expected = ranked(standalone.searcher.search(SearchRequest.builder(SearchMode.BM25).text(luceneQuery).k(10).build()));
    assertSameRanking("bm25 '" + luceneQuery + "'", expected, plugin);
  }

  /**
   * Hybrid equals the standalone fusion. RRF sees ranks only, and a part's ties (equal BM25 scores
   * are common in short reports) are ranked by document number, which differs between one index and
   * three shards. So: every part score and global rank of every hit must be the standalone part's
   * (a rank anywhere inside the doc's tie group), the fused score must be the RRF sum of those ranks,
   * and where neither part has a tie the whole ranking must be the standalone one.
   */
  private void assertHybridEqualsStandalone(String q) throws IOException {
    HybridSearchResponse r = client().execute(HybridSearchAction.INSTANCE, HybridSearchRequest.of(INDEX, q)).actionGet();
    assertEquals("rrf(k=60)", r.method());
    float[] v = standalone.encoder.encodeQuery("", q);
    String bm25Text = Bm25QueryParser.plainText(q);
    int depth = SearchRequest.DEFAULT_DEPTH;
    List<SearchHit> bm25Part = standalone.searcher.search(SearchRequest.builder(SearchMode.BM25).text(bm25Text).k(depth).build());
    List<SearchHit> knnPart = standalone.searcher.search(SearchRequest.builder(SearchMode.KNN).vector(v).k(depth).build());
    double previous = Double.MAX_VALUE;
    for (HybridSearchResponse.Hit h : r.hits()) {
      double rrf = 0;
      for (PartScore p : h.parts()) {
        List<SearchHit> part = p.part().equals("bm25") ? bm25Part : knnPart;
        SearchHit same = part.stream().filter(x -> x.id().equals(h.id())).findFirst()
            .orElseThrow(() -> new AssertionError(q + ": " + h.id() + " is not in the standalone " + p.part() + " part"));
        assertEquals(q + " " + h.id() + " " + p.part() + " score", same.score(), p.score(), EPS * Math.max(1, Math.abs(same.score())));
        double scoreAtRank = part.get(p.rank() - 1).score();
        assertEquals(q + " " + h.id() + " " + p.part() + " rank " + p.rank() + " holds another score than the doc's", same.score(),
            scoreAtRank, EPS * Math.max(1, Math.abs(same.score())));
        assertEquals(p.contribution(), 1.0 / (60 + p.rank()), 1e-12);
        rrf += p.contribution();
      }
      assertEquals(q + " " + h.id() + " fused score", rrf, h.score(), 1e-12);
      assertTrue(q + ": fused scores descend", h.score() <= previous);
      previous = h.score();
    }
    if (!hasTies(bm25Part) && !hasTies(knnPart)) {
      List<SearchHit> expected = standalone.searcher.search(SearchRequest.builder(SearchMode.HYBRID).text(bm25Text).vector(v).k(10).build());
      List<Ranked> plugin = new ArrayList<>();
      r.hits().forEach(h -> plugin.add(new Ranked(h.id(), h.score())));
      assertSameRanking("hybrid '" + q + "'", ranked(expected), plugin);
      fullHybridComparisons++;
    }
  }

  private static boolean hasTies(List<SearchHit> part) {
    for (int i = 1; i < part.size(); i++) {
      if (Math.abs(part.get(i).score() - part.get(i - 1).score()) <= EPS * Math.max(1, Math.abs(part.get(i).score()))) {
        return true;
      }
    }
    return false;
  }

  private void assertSimilarEqualsStandalone(String id) throws IOException {
    SearchResponse r = client().prepareSearch(INDEX)
        .setQuery(QueryBuilders.wrapperQuery("{\"cxr_similar\": {\"field\": \"vector\", \"id\": " + quote(id) + ", \"k\": 5}}"))
        .setSize(5).get();
    assertEquals(0, r.getFailedShards());
    List<Ranked> plugin = new ArrayList<>();
    r.getHits().forEach(h -> plugin.add(new Ranked(h.getId(), 2.0 * h.getScore() - 1)));
    assertFalse(plugin.stream().anyMatch(p -> p.id().equals(id)));
    assertSameRanking("similar " + id, ranked(standalone.searcher.similar(id, 5, List.of())), plugin);
  }

  private record Ranked(String id, double score) {}

  private static List<Ranked> ranked(List<SearchHit> hits) {
    return hits.stream().map(h -> new Ranked(h.id(), h.score())).toList();
  }

  /** Same scores rank by rank (within EPS), and the same ids once each tie group is put in id order. */
  private static void assertSameRanking(String what, List<Ranked> expected, List<Ranked> actual) {
    assertEquals(what + ": hits " + expected + " vs " + actual, expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.get(i).score();
      assertEquals(what + " score at rank " + (i + 1) + ": " + expected + " vs " + actual, e, actual.get(i).score(), EPS * Math.max(1, Math.abs(e)));
    }
    assertEquals(what, canonical(expected), canonical(actual));
  }

  private static List<String> canonical(List<Ranked> hits) {
    List<Ranked> sorted = new ArrayList<>(hits);
    sorted.sort(Comparator.comparingLong((Ranked r) -> -Math.round(r.score() / EPS)).thenComparing(Ranked::id));
    return sorted.stream().map(Ranked::id).toList();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
