package org.cxrsearch.lucene.search;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.cxrsearch.lucene.TestData;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.fuse.LinearFusion;
import org.cxrsearch.lucene.fuse.PartScore;
import org.cxrsearch.lucene.fuse.ScoreNormalization;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.query.QuerySyntaxException;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.pool.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportSearcherTest {

  private static final int DIMS = 16;

  @TempDir Path dir;

  /** Ten "near" reports close to axis 0 and twenty "far" ones ({@link #nearAndFar(VectorQuantization, List, int, int)}). */
  private ReportIndex nearAndFar(VectorQuantization q, List<float[]> vectors) throws Exception {
    return nearAndFar(q, vectors, 10, 30);
  }

  /**
   * Reports r0..r{nearCount-1} are pulled towards axis 0 (group "near", text "small left pleural
   * effusion") and are the nearest neighbours of that axis; the rest are random (group "far", text
   * "lungs are clear, no effusion"). Report i is dated 2020-01-01 plus i days.
   */
  private ReportIndex nearAndFar(VectorQuantization q, List<float[]> vectors, int nearCount, int total) throws Exception {
    Random random = new Random(3);
    ReportIndex index = ReportIndex.openForWriting(dir, TestData.metadata(DIMS, q), IndexSettings.DEFAULTS);
    for (int i = 0; i < total; i++) {
      boolean near = i < nearCount;
      float[] v = TestData.unitVector(random, DIMS);
      if (near) {
        v[0] += 4f; // pulls it towards the query
      }
      v = Vectors.l2Normalized(v);
      vectors.add(v);
      index.upsert(ReportDocument.builder("r" + i)
          .text(near ? "small left pleural effusion" : "lungs are clear, no effusion")
          .studyDate(LocalDate.of(2020, 1, 1).plusDays(i))
          .meta("group", near ? "near" : "far")
          .build(), v);
    }
    index.commit();
    return index;
  }

  private static List<String> bruteForce(List<float[]> vectors, float[] query, IntStream candidates, int k) {
    return candidates.boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -Vectors.dot(vectors.get(i), query)))
        .limit(k).map(i -> "r" + i).toList();
  }

  /**
   * 150 near reports and 20 far ones: more near reports than the HNSW queue holds, both with the
   * automatic candidates (max(5, 100) = 100) and with {@code candidates(5)}. A filter applied to
   * the results of the graph search would therefore see only near reports and return no far one;
   * applied inside the search it returns the k far reports nearest to the query.
   */
  @Test
  void filterIsAppliedInsideTheKnnSearch() throws Exception {
    int near = 150;
    int total = near + 20;
    List<float[]> vectors = new ArrayList<>();
    float[] query = TestData.axis(DIMS, 0);
    try (ReportIndex index = nearAndFar(VectorQuantization.FLOAT, vectors, near, total)) {
      ReportSearcher searcher = new ReportSearcher(index);
      List<SearchHit> unfiltered = searcher.search(SearchRequest.builder(SearchMode.KNN).vector(query).k(5).candidates(5).build());
      assertEquals(bruteForce(vectors, query, IntStream.range(0, total), 5), unfiltered.stream().map(SearchHit::id).toList());
      assertTrue(unfiltered.stream().allMatch(h -> h.report().metadata().get("group").equals("near")));
      // the 100 nearest reports are all near ones: a post-filter of any queue up to 100 finds no far report
      assertTrue(bruteForce(vectors, query, IntStream.range(0, total), 100).stream()
          .allMatch(id -> Integer.parseInt(id.substring(1)) < near), "fixture: far reports are not among the 100 nearest");

      List<String> expected = bruteForce(vectors, query, IntStream.range(near, total), 5);
      for (int candidates : new int[] {5, 0}) {
        List<SearchHit> far = searcher.search(SearchRequest.builder(SearchMode.KNN).vector(query).k(5).candidates(candidates)
            .filters(List.of(FieldFilter.parse("group=far"))).build());
        assertEquals(expected, far.stream().map(SearchHit::id).toList(), "candidates=" + candidates + ": the 5 nearest far reports");
        for (SearchHit h : far) {
          int i = Integer.parseInt(h.id().substring(1));
          assertEquals(Vectors.dot(vectors.get(i), query), h.knn(), 1e-5, "knn score is the cosine");
          assertNull(h.bm25());
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = VectorQuantization.class, names = {"INT8", "INT4", "BINARY"})
  void quantizedCandidatesAreRescoredExactly(VectorQuantization q) throws Exception {
    List<float[]> vectors = new ArrayList<>();
    float[] query = TestData.unitVector(new Random(11), DIMS);
    try (ReportIndex index = nearAndFar(q, vectors)) {
      List<SearchHit> hits = new ReportSearcher(index).search(SearchRequest.builder(SearchMode.KNN).vector(query).k(8).build());
      assertEquals(bruteForce(vectors, query, IntStream.range(0, 30), 8), hits.stream().map(SearchHit::id).toList());
      for (SearchHit h : hits) {
        assertEquals(Vectors.dot(vectors.get(Integer.parseInt(h.id().substring(1))), query), h.score(), 1e-5, q + ": exact float score");
      }
    }
  }

  @Test
  void dateFiltersAndUnknownFields() throws Exception {
    try (ReportIndex index = nearAndFar(VectorQuantization.FLOAT, new ArrayList<>())) {
      ReportSearcher searcher = new ReportSearcher(index);
      List<SearchHit> hits = searcher.search(SearchRequest.builder(SearchMode.BM25).text("effusion").k(30)
          .filters(List.of(FieldFilter.parse("study_date=2020-01-03..2020-01-05"))).build());
      assertEquals(List.of("r2", "r3", "r4"), hits.stream().map(SearchHit::id).sorted().toList());
      var e = assertThrows(IllegalArgumentException.class, () -> searcher.search(SearchRequest.builder(SearchMode.BM25).text("effusion")
          .filters(List.of(FieldFilter.parse("patient_id=7"))).build()));
      assertTrue(e.getMessage().contains("patient_id") && e.getMessage().contains("meta.group"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> FieldFilter.parse("study_date=2020-13-01"));
      assertTrue(e.getMessage().contains("ISO date"), e.getMessage());
      assertThrows(QuerySyntaxException.class, () -> searcher.search(SearchRequest.builder(SearchMode.BM25).text("effusion AND").build()));
    }
  }

  @Test
  void hybridExplainsEachPart() throws Exception {
    List<float[]> vectors = new ArrayList<>();
    try (ReportIndex index = nearAndFar(VectorQuantization.FLOAT, vectors)) {
      ReportSearcher searcher = new ReportSearcher(index);
      List<SearchHit> hits = searcher.search(SearchRequest.builder(SearchMode.HYBRID)
          .text("\"pleural effusion\"").vector(TestData.axis(DIMS, 0)).k(5).build());
      assertEquals(5, hits.size());
      for (SearchHit h : hits) {
        // near reports match the phrase and are the nearest: both parts returned them
        assertNotNull(h.bm25(), h.explain());
        assertNotNull(h.knn(), h.explain());
        PartScore bm25 = h.parts().get(0);
        PartScore knn = h.parts().get(1);
        assertEquals(1.0 / (60 + bm25.rank()) + 1.0 / (60 + knn.rank()), h.score(), 1e-12);
        assertTrue(h.explain().startsWith("rrf(k=60) = "), h.explain());
        assertTrue(h.explain().contains("bm25 score") && h.explain().contains("rank " + knn.rank()), h.explain());
      }
      // linear fusion with all weight on BM25 orders exactly like BM25 alone
      List<SearchHit> linear = searcher.search(SearchRequest.builder(SearchMode.HYBRID).text("pleural effusion")
          .vector(TestData.axis(DIMS, 0)).k(30).fusion(new LinearFusion(ScoreNormalization.MIN_MAX)).weights(1, 0).build());
      List<SearchHit> bm25 = searcher.search(SearchRequest.builder(SearchMode.BM25).text("pleural effusion").k(30).build());
      assertEquals(bm25.get(0).bm25(), linear.get(0).bm25());
      assertTrue(linear.get(0).explain().startsWith("linear(min_max)"));
    }
  }

  @Test
  void similarExcludesTheReportItself() throws Exception {
    List<float[]> vectors = new ArrayList<>();
    try (ReportIndex index = nearAndFar(VectorQuantization.FLOAT, vectors)) {
      List<SearchHit> hits = new ReportSearcher(index).similar("r3", 4, List.of());
      assertEquals(bruteForce(vectors, vectors.get(3), IntStream.range(0, 30).filter(i -> i != 3), 4),
          hits.stream().map(SearchHit::id).toList());
      assertThrows(IllegalArgumentException.class, () -> new ReportSearcher(index).similar("nope", 4, List.of()));
    }
  }

  /**
   * Searches interleaved with a writer thread, deterministically: the writer adds a batch, refreshes,
   * then adds the next batch while the reader searches, and refreshes again only after the reader
   * has looked. So every search runs against the NRT reader of exactly the batches refreshed so far,
   * with more uncommitted, unrefreshed documents already in the writer.
   */
  @Test
  void searchDuringIndexing() throws Exception {
    int batches = 5;
    int batch = 40;
    try (ReportIndex index = ReportIndex.openForWriting(dir, TestData.metadata(DIMS, VectorQuantization.FLOAT), IndexSettings.DEFAULTS)) {
      ReportSearcher searcher = new ReportSearcher(index);
      Semaphore refreshed = new Semaphore(0);
      Semaphore observed = new Semaphore(0);
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        Future<?> writer = executor.submit(() -> {
          Random random = new Random(5);
          for (int b = 0; b < batches; b++) {
            for (int i = 0; i < batch; i++) {
              int n = b * batch + i;
              index.upsert(ReportDocument.of("w" + n, "effusion report " + n), TestData.unitVector(random, DIMS));
            }
            if (b > 0 && !observed.tryAcquire(30, TimeUnit.SECONDS)) {
              throw new AssertionError("reader did not search after batch " + (b - 1));
            }
            index.refresh();
            refreshed.release();
          }
          return null;
        });
        List<Integer> seen = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
          assertTrue(refreshed.tryAcquire(30, TimeUnit.SECONDS), "writer refreshed batch " + b);
          seen.add(searcher.search(SearchRequest.builder(SearchMode.BM25).text("effusion").k(1000).build()).size());
          assertEquals(Math.min(10, (b + 1) * batch), searcher.search(SearchRequest.builder(SearchMode.KNN).vector(TestData.axis(DIMS, 1)).build()).size());
          observed.release();
        }
        writer.get(30, TimeUnit.SECONDS);
        assertEquals(IntStream.rangeClosed(1, batches).map(b -> b * batch).boxed().toList(), seen,
            "each search sees exactly the refreshed batches, never the writer's unrefreshed ones");
      } finally {
        executor.shutdownNow();
      }
    }
  }
}
