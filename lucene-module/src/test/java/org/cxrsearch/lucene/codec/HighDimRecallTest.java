package org.cxrsearch.lucene.codec;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cxrsearch.lucene.TestData;
import org.cxrsearch.lucene.query.KnnQueryBuilder;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.lucene.schema.ReportFields;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 2048-d vectors through the whole life of an index: written in several flushed segments,
 * force-merged to one (the merge rebuilds the HNSW graph and, for quantized formats, re-quantizes),
 * closed and reopened by a fresh reader that finds the format by SPI, then searched with the
 * project's {@link KnnQueryBuilder} (rescoring on quantized formats). The expectation is computed
 * independently: a brute-force dot product over the vectors the test generated.
 *
 * <p>The data are clustered (documents are noisy copies of 25 centres, queries noisy copies of
 * documents), as embeddings of reports are; uniform random 2048-d vectors are all nearly orthogonal
 * and have no meaningful neighbours.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HighDimRecallTest {

  private static final int DIMS = 2048;
  private static final int DOCS = 1200;
  private static final int QUERIES = 40;
  private static final int K = 10;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(VectorQuantization.class)
  void forceMergedReopenedIndexMatchesExactSearch(VectorQuantization q) throws Exception {
    Random random = new Random(2048);
    float[][] centres = new float[25][];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = TestData.unitVector(random, DIMS);
    }
    float[][] docs = new float[DOCS][];
    for (int i = 0; i < DOCS; i++) {
      docs[i] = noisy(random, centres[i % centres.length], 0.8f);
    }
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setCodec(new CxrSearchCodec(q, new HnswParams(16, 100))))) {
      for (int i = 0; i < DOCS; i++) {
        Document doc = new Document();
        doc.add(new StoredField("n", i));
        doc.add(new KnnFloatVectorField(ReportFields.VECTOR, docs[i], ReportDocumentMapper.SIMILARITY));
        w.addDocument(doc);
        if (i % 300 == 299) {
          w.flush(); // several segments, so the merge below has work to do
        }
      }
      w.commit();
      assertTrue(SegmentInfos.readLatestCommit(d).size() > 1, "several segments before the merge");
      w.forceMerge(1);
      w.commit();
    }
    try (Directory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(1, reader.leaves().size());
      SegmentCommitInfo only = SegmentInfos.readLatestCommit(d).info(0);
      assertEquals(DOCS, only.info.maxDoc());
      IndexSearcher searcher = new IndexSearcher(reader);
      KnnQueryBuilder knn = new KnnQueryBuilder(q);
      int found = 0;
      for (int qi = 0; qi < QUERIES; qi++) {
        float[] query = noisy(random, docs[random.nextInt(DOCS)], 0.5f);
        int[] exact = exactTopK(docs, query, K);
        TopDocs top = searcher.search(knn.build(query, K * q.defaultOversample() * 10, null), K);
        Set<Integer> got = new HashSet<>();
        for (ScoreDoc sd : top.scoreDocs) {
          int n = searcher.storedFields().document(sd.doc).getField("n").numericValue().intValue();
          got.add(n);
          // float scores are exact, quantized ones rescored against the float vectors: the true dot product
          assertEquals(dot(docs[n], query), KnnQueryBuilder.cosine(sd.score), 1e-4, q + ": score of doc " + n);
        }
        for (int n : exact) {
          found += got.contains(n) ? 1 : 0;
        }
      }
      double recall = found / (double) (QUERIES * K);
      // Exact search has recall 1 by definition; HNSW (plus rescoring of an oversampled candidate
      // list for quantized codes) must come close to it. The bound leaves room for graph randomness
      // only, not for a broken merge or re-quantization, which give recall far below it.
      assertTrue(recall >= 0.95, q + ": recall@" + K + " against exact search " + recall);
    }
  }

  private static float[] noisy(Random random, float[] base, float noise) {
    float[] v = new float[base.length];
    float scale = noise / (float) Math.sqrt(base.length);
    for (int i = 0; i < v.length; i++) {
      v[i] = base[i] + scale * (float) random.nextGaussian();
    }
    return org.cxrsearch.onnx.pool.Vectors.l2Normalized(v);
  }

  private static int[] exactTopK(float[][] docs, float[] query, int k) {
    Integer[] order = new Integer[docs.length];
    double[] score = new double[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
      score[i] = dot(docs[i], query);
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
    return Arrays.stream(order, 0, k).mapToInt(Integer::intValue).toArray();
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
