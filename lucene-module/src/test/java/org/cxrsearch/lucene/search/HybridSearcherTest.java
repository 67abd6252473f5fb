package org.cxrsearch.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * {@link ReportSearcher} answers them on a {@link ReportIndex}.
 */
@Timeout(60)
class HybridSearcherTest {

  private static final int DIMS = 16;

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
          assertEquals(summary(expected), summary(actual), request.toString());
        }
        List<SearchHit> expected = reference.similar("r3", 6, List.of());
        List<SearchHit> actual =
            hybrid.nearest(searcher, vectors.get(3), 6, List.of(), new TermQuery(new Term(ReportFields.ID, "r3")));
        assertEquals(summary(expected), summary(actual));
        assertThrows(IllegalArgumentException.class, () -> hybrid.search(searcher,
            SearchRequest.builder(SearchMode.KNN).vector(new float[DIMS + 1]).k(3).build()));
      }
    }
  }

  /** Rank, id, score and explanation of each hit: what a caller sees. */
  private static List<String> summary(List<SearchHit> hits) {
    return hits.stream().map(h -> h.rank() + " " + h.id() + " " + h.score() + " " + h.explain()).toList();
  }
}
