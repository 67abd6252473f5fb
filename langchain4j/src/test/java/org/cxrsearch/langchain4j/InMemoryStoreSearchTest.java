package org.cxrsearch.langchain4j;

import static org.cxrsearch.langchain4j.VectorAssertions.assertVectorEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.cxrsearch.langchain4j.CxrEmbeddingModel.Mode;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.encode.StageTimes;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.onnx.pool.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter inside LangChain4j's own {@link InMemoryEmbeddingStore}: the 51 sample reports are
 * added in document mode, queries are embedded in query mode, and the store's answers are checked
 * against the report texts (the report that mentions the finding comes first) and against the
 * encoder called directly (same vectors, same ranking, same cosines).
 *
 * <p>The embedded default model (all-MiniLM-L6-v2) gives meaningful rankings; the tiny
 * random-weight LLM2Vec4CXR gives meaningless ones but is instruction-aware, so it shows that query
 * mode puts the instruction where the encoder does.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class InMemoryStoreSearchTest {

  private static final double TOL = 1e-6;
  private static final String INSTRUCTION = "Retrieve semantically similar reports; ";

  @TempDir static Path cache;

  private static List<TextSegment> reports;
  private static CxrEmbeddingModel defaultDocuments;
  private static CxrEmbeddingModel defaultQueries;
  private static CxrEmbeddingModel tinyDocuments;
  private static CxrEmbeddingModel tinyQueries;

  @BeforeAll
  static void open() {
    reports = TestData.sampleReports();
    assertEquals(51, reports.size());
    defaultDocuments = CxrEmbeddingModel.builder().model("default").cacheDir(cache).build();
    // One encoder serves both sides: the query model borrows the document model's encoder.
    defaultQueries = CxrEmbeddingModel.builder().encoder(defaultDocuments.encoder())
        .mode(Mode.QUERY).instruction(INSTRUCTION).build();
    tinyDocuments = CxrEmbeddingModel.builder().model(TestData.tinyBundle()).build();
    tinyQueries = CxrEmbeddingModel.builder().encoder(tinyDocuments.encoder())
        .mode(Mode.QUERY).instruction(INSTRUCTION).build();
  }

  @AfterAll
  static void close() {
    tinyQueries.close();
    tinyDocuments.close();
    defaultQueries.close();
    defaultDocuments.close();
  }

  @Test
  void theReportThatMentionsTheFindingComesFirst() {
    InMemoryEmbeddingStore<TextSegment> store = fill(defaultDocuments);
    // Expectations read off the report texts, not off the model: the only reports that describe it.
    assertTopHit(store, "free air under the diaphragm", Set.of("SYN-022"));
    assertTopHit(store, "cardiac pacemaker", Set.of("SYN-012", "SYN-031"));
    assertTopHit(store, "broken ribs", Set.of("SYN-017", "SYN-046"));
    assertTopHit(store, "hiatal hernia", Set.of("SYN-018"));
  }

  @Test
  void defaultModelStoreAgreesWithTheEncoder() {
    assertStoreAgreesWithEncoder(defaultDocuments, defaultQueries, "large pneumothorax with mediastinal shift");
  }

  @Test
  void instructionAwareModelStoreAgreesWithTheEncoder() {
    assertStoreAgreesWithEncoder(tinyDocuments, tinyQueries, "large pneumothorax with mediastinal shift");
  }

  private static void assertTopHit(InMemoryEmbeddingStore<TextSegment> store, String query, Set<String> expected) {
    List<EmbeddingMatch<TextSegment>> hits = store.search(EmbeddingSearchRequest.builder()
        .queryEmbedding(defaultQueries.embed(query).content()).maxResults(3).build()).matches();
    String top = hits.get(0).embedded().metadata().getString("id");
    assertTrue(expected.contains(top), query + ": top hit " + top + ", expected one of " + expected + "; hits "
        + hits.stream().map(h -> h.embedded().metadata().getString("id") + "=" + h.score()).toList());
  }

  /**
   * Stored vectors are the encoder's document vectors, normalised; the query vector is the
   * encoder's query vector; the store ranks as the encoder's own cosines do, and scores them
   * {@code (1 + cos) / 2} (LangChain4j's relevance score).
   */
  private static void assertStoreAgreesWithEncoder(CxrEmbeddingModel documents, CxrEmbeddingModel queries,
      String query) {
    TextEncoder encoder = documents.encoder();
    List<String> texts = reports.stream().map(TextSegment::text).toList();
    float[][] direct = Vectors.l2Normalized(encoder.encodeDocuments(texts));

    StageTimes.Snapshot before = ((OnnxEncoder) encoder).stageTimes();
    Response<List<Embedding>> response = documents.embedAll(reports);
    long tokensRead = ((OnnxEncoder) encoder).stageTimes().minus(before).tokens();
    assertEquals(tokensRead, response.tokenUsage().inputTokenCount().longValue(), "token usage");
    List<Embedding> embedded = response.content();
    assertEquals(reports.size(), embedded.size());
    for (int i = 0; i < direct.length; i++) {
      assertVectorEquals(direct[i], embedded.get(i).vector(), TOL, "report " + i);
      assertEquals(encoder.info().dimensions(), embedded.get(i).dimension());
    }

    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    store.addAll(embedded, reports);

    float[] q = Vectors.l2Normalized(encoder.encodeQuery(INSTRUCTION, query));
    Embedding queryEmbedding = queries.embed(query).content();
    assertVectorEquals(q, queryEmbedding.vector(), TOL, "query");

    double[] cos = IntStream.range(0, direct.length).mapToDouble(i -> Vectors.cosine(q, direct[i])).toArray();
    List<String> expectedOrder = IntStream.range(0, direct.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -cos[i]))
        .map(i -> reports.get(i).metadata().getString("id")).toList();

    List<EmbeddingMatch<TextSegment>> hits = store.search(EmbeddingSearchRequest.builder()
        .queryEmbedding(queryEmbedding).maxResults(reports.size()).build()).matches();
    assertEquals(expectedOrder, hits.stream().map(h -> h.embedded().metadata().getString("id")).toList());
    for (int r = 0; r < hits.size(); r++) {
      int i = texts.indexOf(hits.get(r).embedded().text());
      assertEquals((1 + cos[i]) / 2, hits.get(r).score(), TOL, "score of " + expectedOrder.get(r));
    }
  }

  private static InMemoryEmbeddingStore<TextSegment> fill(CxrEmbeddingModel documents) {
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    store.addAll(documents.embedAll(reports).content(), reports);
    return store;
  }
}
