package org.cxrsearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.cxrsearch.lucene.TestData;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.fuse.LinearFusion;
import org.cxrsearch.lucene.fuse.PartScore;
import org.cxrsearch.lucene.fuse.ScoreNormalization;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.pool.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search on a host's own Lucene index: the same reports written by a plain {@link IndexWriter}
 * (default codec, in memory, no {@link ReportIndex}) answer every kind of request exactly as
 * {@link ReportSearcher} answers them on a {@link ReportIndex}: the same ids at the same ranks, with
 * the same parts, methods and part ranks, and scores equal within {@link #SCORE_TOLERANCE}.
 */
@Timeout(60)
class HybridSearcherTest {

  private static final int DIMS = 16;

  /**
   * Scores may differ by float rounding only: the two searches compute the same float dot products,
   * but once Lucene's vectorized scorer is compiled (C2, FMA, another order of the lane sums, as after
   * the format suites in the same JVM) a cosine can change by a few ulps (about 1e-7 relative), which
   * fusion and min-max normalization carry into the final score. 1e-5 relative (about 80 float ulps)
   * is far above that rounding and far below what a real difference does (another similarity, a lost
   * boost or filter, a wrong normalization change scores by 1e-2 or more). Scores below 1 are compared
   * absolutely to 1e-5: a min-max normalized score near 0 has no meaningful relative error. Ids and
   * ranks stay exact: the hits here are not tied within the tolerance.
   */
  static final double SCORE_TOLERANCE = 1e-5;

  @TempDir Path dir;

  private static List<ReportDocument> reports(List<float[]> vectors) {
    Random random = new Random(11);
    String[] texts = {"small left pleural effusion", "lungs are clear, no effusion", "mild cardiomegaly",
        "left basilar atelectasis and small effusion", "no acute cardiopulmonary process"};
    List<ReportDocument> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      float[] v = TestData.unitVector(random, DIMS);
      v[i % 3] += 2f;
      vectors.add(Vectors.l2Normalized(v));
      out.add(ReportDocument.builder("r" + i).text(texts[i % texts.length])
          .studyDate(LocalDate.of(2021, 3, 1).plusDays(i)).meta("group", i % 2 == 0 ? "even" : "odd").build());
    }
    return out;
  }

  private static List<SearchRequest> requests() {
    float[] query = Vectors.l2Normalized(TestData.axis(DIMS, 0));
    List<FieldFilter> even = List.of(FieldFilter.parse("group=even"));
    return List.of(
        SearchRequest.builder(SearchMode.BM25).text("pleural effusion").k(10).build(),
        SearchRequest.builder(SearchMode.KNN).vector(query).k(10).build(),
        SearchRequest.builder(SearchMode.KNN).vector(query).filters(even).k(5).build(),
        SearchRequest.builder(SearchMode.HYBRID).text("left effusion").vector(query).k(8).build(),
        SearchRequest.builder(SearchMode.HYBRID).text("effusion").vector(query).filters(even).k(8)
            .fusion(new LinearFusion(ScoreNormalization.MIN_MAX)).weights(0.3, 0.7).build());
  }

  @Test
  void plainLuceneIndexAnswersLikeReportSearcher() throws Exception {
    List<float[]> vectors = new ArrayList<>();
    List<ReportDocument> reports = reports(vectors);
    ReportDocumentMapper mapper = new ReportDocumentMapper(DIMS);
    try (Directory plain = new ByteBuffersDirectory();
        ReportIndex index = ReportIndex.openForWriting(dir, TestData.metadata(DIMS, VectorQuantization.FLOAT),
            IndexSettings.DEFAULTS)) {
      try (IndexWriter writer = new IndexWriter(plain, new IndexWriterConfig(new ReportAnalyzer()))) {
        for (int i = 0; i < reports.size(); i++) {
          writer.addDocument(mapper.toDocument(reports.get(i), vectors.get(i)));
          index.upsert(reports.get(i), vectors.get(i));
        }
      }
      index.commit();
      index.refresh();
      ReportSearcher reference = new ReportSearcher(index);
      HybridSearcher hybrid = new HybridSearcher(DIMS, VectorQuantization.FLOAT);
      try (DirectoryReader reader = DirectoryReader.open(plain)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (SearchRequest request : requests()) {
          List<SearchHit> expected = reference.search(request);
          List<SearchHit> actual = hybrid.search(searcher, request);
          assertFalse(expected.isEmpty(), request.toString());
          assertSameHits(expected, actual, request.toString());
        }
        List<SearchHit> expected = reference.similar("r3", 6, List.of());
        List<SearchHit> actual =
            hybrid.nearest(searcher, vectors.get(3), 6, List.of(), new TermQuery(new Term(ReportFields.ID, "r3")));
        assertSameHits(expected, actual, "similar r3");
        assertThrows(IllegalArgumentException.class, () -> hybrid.search(searcher,
            SearchRequest.builder(SearchMode.KNN).vector(new float[DIMS + 1]).k(3).build()));
      }
    }
  }

  /** What a caller sees, hit by hit: rank, id, method and parts exact, scores within the tolerance. */
  static void assertSameHits(List<SearchHit> expected, List<SearchHit> actual, String what) {
    assertEquals(expected.stream().map(h -> h.rank() + " " + h.id()).toList(),
        actual.stream().map(h -> h.rank() + " " + h.id()).toList(), what);
    for (int i = 0; i < expected.size(); i++) {
      SearchHit e = expected.get(i);
      SearchHit a = actual.get(i);
      String hit = what + ", hit " + e.rank() + " " + e.id() + ": " + e.explain() + " vs " + a.explain();
      assertEquals(e.method(), a.method(), hit);
      assertClose(e.score(), a.score(), hit);
      assertClose(e.bm25(), a.bm25(), hit);
      assertClose(e.knn(), a.knn(), hit);
      assertEquals(e.parts().size(), a.parts().size(), hit);
      for (int p = 0; p < e.parts().size(); p++) {
        PartScore ep = e.parts().get(p);
        PartScore ap = a.parts().get(p);
        assertEquals(ep.part() + " rank " + ep.rank(), ap.part() + " rank " + ap.rank(), hit);
        assertClose(ep.score(), ap.score(), hit);
        assertClose(ep.contribution(), ap.contribution(), hit);
      }
    }
  }

  private static void assertClose(Double expected, Double actual, String what) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, what);
      return;
    }
    double scale = Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
    assertTrue(Math.abs(expected - actual) <= SCORE_TOLERANCE * scale, what + ": " + expected + " vs " + actual);
  }

  @Test
  void theToleranceStillCatchesARealScoreDifference() {
    SearchHit hit = new SearchHit(1, 0.5, null, 0.5, List.of(new PartScore("knn", 0.5, 1, 0.5)), "knn",
        ReportDocument.builder("r1").text("t").build());
    SearchHit rounded = new SearchHit(1, 0.5 + 3e-7, null, 0.5 + 3e-7, List.of(new PartScore("knn", 0.5 + 3e-7, 1, 0.5 + 3e-7)),
        "knn", hit.report());
    SearchHit off = new SearchHit(1, 0.5 + 1e-3, null, 0.5 + 1e-3, List.of(new PartScore("knn", 0.5 + 1e-3, 1, 0.5 + 1e-3)),
        "knn", hit.report());
    assertSameHits(List.of(hit), List.of(rounded), "float rounding");
    assertThrows(AssertionError.class, () -> assertSameHits(List.of(hit), List.of(off), "a real difference"));
  }
}
