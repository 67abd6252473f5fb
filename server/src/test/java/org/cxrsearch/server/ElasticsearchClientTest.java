package org.cxrsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.HttpHost;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.server.http.Json;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Elasticsearch Java client (9.5, rest5 transport), unchanged, against the server:
 * create an index, bulk-index the sample reports, get, count, search (match, bool filter, knn with
 * query_vector_builder, rrf retriever), delete. Search hits are compared with what the CLI's search
 * path ({@link ReportSearcher} with {@link SearchRequest}, as {@code cxrsearch search} builds it) returns
 * on the same index directory, opened read-only beside the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ElasticsearchClientTest {

  private static final String INDEX = "reports";
  private static final Class<Map<String, Object>> MAP = mapClass();

  private Path data;
  private TestServer server;
  private Rest5Client rest;
  private ElasticsearchClient es;
  private List<Map<String, Object>> reports;

  @SuppressWarnings("unchecked")
  private static Class<Map<String, Object>> mapClass() {
    return (Class<Map<String, Object>>) (Class<?>) Map.class;
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    data = dir;
    server = TestServer.start(data);
    rest = Rest5Client.builder(HttpHost.create(server.url())).build();
    es = new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper()));
    reports = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(System.getProperty("cxr.testdata"), "reports", "sample_reports.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        reports.add(Json.MAPPER.readValue(line, new TypeReference<Map<String, Object>>() {}));
      }
    }
  }

  @AfterAll
  void stop() throws Exception {
    rest.close();
    server.close();
  }

  @Test
  @Order(1)
  void infoAndCreateIndexWithMappings() throws Exception {
    assertTrue(es.info().version().number().startsWith("9."));
    var created = es.indices().create(c -> c.index(INDEX)
        .mappings(m -> m.properties("text", p -> p.text(t -> t))
            .properties("patient_id", p -> p.keyword(k -> k))
            .properties("study_date", p -> p.date(d -> d))
            .properties("vector", p -> p.denseVector(v -> v.dims(384).similarity(co.elastic.clients.elasticsearch._types.mapping.DenseVectorSimilarity.Cosine)))));
    assertTrue(created.acknowledged());
    assertEquals(INDEX, created.index());
    assertTrue(es.indices().exists(e -> e.index(INDEX)).value());
    assertFalse(es.indices().exists(e -> e.index("missing")).value());
    ElasticsearchException dup = assertThrows(ElasticsearchException.class, () -> es.indices().create(c -> c.index(INDEX)));
    assertEquals("resource_already_exists_exception", dup.error().type());
  }

  @Test
  @Order(2)
  void bulkIndexTheSampleReports() throws Exception {
    BulkResponse bulk = es.bulk(b -> {
      for (Map<String, Object> r : reports) {
        b.operations(op -> op.index(i -> i.index(INDEX).id((String) r.get("id")).document(r)));
      }
      return b.refresh(Refresh.True);
    });
    assertFalse(bulk.errors(), () -> bulk.items().stream().filter(i -> i.error() != null).map(i -> i.error().reason()).toList().toString());
    assertEquals(reports.size(), bulk.items().size());
    bulk.items().forEach(i -> assertEquals(201, i.status()));
    assertEquals(reports.size(), es.count(c -> c.index(INDEX)).count());
  }

  @Test
  @Order(3)
  void getReturnsTheSourceAsIndexed() throws Exception {
    Map<String, Object> first = reports.get(0);
    GetResponse<Map<String, Object>> got = es.get(g -> g.index(INDEX).id((String) first.get("id")), MAP);
    assertTrue(got.found());
    assertEquals(first, got.source());
    assertFalse(es.get(g -> g.index(INDEX).id("no-such-report"), MAP).found());
  }

  @Test
  @Order(4)
  void matchQueryRanksLikeTheCli() throws Exception {
    String text = "pleural effusion";
    SearchResponse<Map<String, Object>> r = es.search(s -> s.index(INDEX).size(10).query(q -> q.match(m -> m.field("text").query(text))), MAP);
    List<SearchHit> cli = cli(SearchRequest.builder(SearchMode.BM25).text(text).k(10).build());
    assertFalse(cli.isEmpty());
    assertEquals(ids(cli), r.hits().hits().stream().map(Hit::id).toList());
    for (int i = 0; i < cli.size(); i++) {
      assertEquals(cli.get(i).score(), r.hits().hits().get(i).score(), 1e-4);
    }
  }

  @Test
  @Order(5)
  void boolFilterRestrictsLikeTheCliFilter() throws Exception {
    String text = "heart size";
    SearchResponse<Map<String, Object>> r = es.search(s -> s.index(INDEX).size(10).query(q -> q.bool(b -> b
        .must(m -> m.match(mm -> mm.field("text").query(text)))
        .filter(f -> f.range(rg -> rg.date(d -> d.field("study_date").gte("2023-03-01").lte("2023-12-31")))))), MAP);
    List<SearchHit> cli = cli(SearchRequest.builder(SearchMode.BM25).text(text).k(10)
        .filters(List.of(FieldFilter.parse("study_date=2023-03-01..2023-12-31"))).build());
    assertFalse(cli.isEmpty());
    assertEquals(ids(cli), r.hits().hits().stream().map(Hit::id).toList());
    for (Hit<Map<String, Object>> h : r.hits().hits()) {
      String date = (String) h.source().get("study_date");
      assertTrue(date.compareTo("2023-03-01") >= 0 && date.compareTo("2023-12-31") <= 0, date);
    }
  }

  @Test
  @Order(6)
  void knnWithQueryVectorBuilderRanksLikeTheCli() throws Exception {
    String text = "small left pleural effusion";
    SearchResponse<Map<String, Object>> r = es.search(s -> s.index(INDEX).size(5).knn(k -> k.field("vector").k(5).numCandidates(50)
        .queryVectorBuilder(b -> b.textEmbedding(t -> t.modelId("default").modelText(text)))), MAP);
    List<SearchHit> cli = cli(SearchRequest.builder(SearchMode.KNN).vector(queryVector(text)).k(5).candidates(50).build());
    assertEquals(5, cli.size());
    assertEquals(ids(cli), r.hits().hits().stream().map(Hit::id).toList());
    for (int i = 0; i < cli.size(); i++) {
      // Elasticsearch reports (1 + cosine) / 2 for cosine similarity; the CLI the cosine
      assertEquals((1 + cli.get(i).score()) / 2, r.hits().hits().get(i).score(), 1e-5);
    }
  }

  @Test
  @Order(7)
  void rrfRetrieverFusesLikeTheCliHybrid() throws Exception {
    String text = "no pneumothorax after line placement";
    SearchResponse<Map<String, Object>> r = es.search(s -> s.index(INDEX).size(10).retriever(rt -> rt.rrf(rrf -> rrf
        .rankWindowSize(100).rankConstant(60)
        .retrievers(e -> e.retriever(c -> c.standard(st -> st.query(q -> q.match(m -> m.field("text").query(text))))))
        .retrievers(e -> e.retriever(c -> c.knn(k -> k.field("vector").k(100).numCandidates(100)
            .queryVectorBuilder(b -> b.textEmbedding(t -> t.modelId("default").modelText(text)))))))), MAP);
    // cxrsearch search --mode hybrid: BM25 on the words, KNN on the encoded text, RRF(60) over depth 100
    List<SearchHit> cli = cli(SearchRequest.builder(SearchMode.HYBRID).text(Bm25QueryParser.plainText(text))
        .vector(queryVector(text)).k(10).depth(100).candidates(100).build());
    assertEquals(10, cli.size());
    assertEquals(ids(cli), r.hits().hits().stream().map(Hit::id).toList());
    for (int i = 0; i < cli.size(); i++) {
      assertEquals(cli.get(i).score(), r.hits().hits().get(i).score(), 1e-6);
    }
  }

  @Test
  @Order(8)
  void deleteDocumentThenIndex() throws Exception {
    String id = (String) reports.get(1).get("id");
    assertEquals(co.elastic.clients.elasticsearch._types.Result.Deleted, es.delete(d -> d.index(INDEX).id(id).refresh(Refresh.True)).result());
    assertFalse(es.get(g -> g.index(INDEX).id(id), MAP).found());
    assertEquals(reports.size() - 1, es.count(c -> c.index(INDEX)).count());
    assertEquals(co.elastic.clients.elasticsearch._types.Result.NotFound, es.delete(d -> d.index(INDEX).id(id)).result());
    assertTrue(es.indices().delete(d -> d.index(INDEX)).acknowledged());
    assertFalse(es.indices().exists(e -> e.index(INDEX)).value());
    ElasticsearchException missing = assertThrows(ElasticsearchException.class, () -> es.count(c -> c.index(INDEX)));
    assertEquals(404, missing.status());
    assertEquals("index_not_found_exception", missing.error().type());
  }

  /** The CLI's search path on the server's index directory, opened read-only (the last commit). */
  private List<SearchHit> cli(SearchRequest request) throws Exception {
    try (ReportIndex idx = ReportIndex.openReadOnly(data.resolve(INDEX))) {
      return new ReportSearcher(idx).search(request);
    }
  }

  /** The query vector as the CLI encodes it (the similar preset: no instruction). */
  private float[] queryVector(String text) {
    TextEncoder encoder = server.server().context().models().get("default");
    assertNotNull(encoder);
    return encoder.encodeQuery("", text);
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }
}
