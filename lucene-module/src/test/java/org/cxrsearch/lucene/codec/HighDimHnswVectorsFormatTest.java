package org.cxrsearch.lucene.codec;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Random;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.cxrsearch.lucene.TestData;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HighDimHnswVectorsFormatTest {

  private static final int DIMS = 2048;
  private static final int DOCS = 40;

  @TempDir Path dir;

  @Test
  void luceneDefaultCodecRejects2048Dimensions() throws Exception {
    try (Directory d = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new KnnFloatVectorField("v", TestData.axis(DIMS, 0), VectorSimilarityFunction.DOT_PRODUCT));
      var e = assertThrows(IllegalArgumentException.class, () -> w.addDocument(doc));
      assertTrue(e.getMessage().contains("1024"), e.getMessage());
    }
  }

  @Test
  void formatsAreFoundBySpiName() {
    for (VectorQuantization q : VectorQuantization.values()) {
      KnnVectorsFormat f = KnnVectorsFormat.forName(q.formatName());
      assertEquals(q, ((HighDimHnswVectorsFormat) f).quantization());
      assertEquals(HighDimHnswVectorsFormat.MAX_DIMENSIONS, f.getMaxDimensions(ReportFields.VECTOR));
    }
    assertInstanceOf(CxrSearchCodec.class, org.apache.lucene.codecs.Codec.forName(CxrSearchCodec.NAME));
  }

  /** 2048-d vectors of every quantization are written, and a fresh reader (codec by SPI) finds them. */
  @ParameterizedTest
  @EnumSource(VectorQuantization.class)
  void highDimensionalVectorsRoundTrip(VectorQuantization q) throws Exception {
    Random random = new Random(7);
    float[][] vectors = new float[DOCS][];
    try (ReportIndex index = ReportIndex.openForWriting(dir, TestData.metadata(DIMS, q), IndexSettings.DEFAULTS.withHnsw(new HnswParams(8, 32)))) {
      for (int i = 0; i < DOCS; i++) {
        vectors[i] = TestData.unitVector(random, DIMS);
        index.upsert(ReportDocument.of("d" + i, "report " + i), vectors[i]);
      }
      index.commit();
    }
    try (Directory d = org.apache.lucene.store.FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      var fieldInfo = reader.leaves().get(0).reader().getFieldInfos().fieldInfo(ReportFields.VECTOR);
      assertEquals(q.formatName(), fieldInfo.getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY));
      assertEquals(DIMS, fieldInfo.getVectorDimension());
      IndexSearcher searcher = new IndexSearcher(reader);
      for (int i = 0; i < DOCS; i += 13) {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(ReportFields.VECTOR, vectors[i], 5), 5);
        assertEquals("d" + i, searcher.storedFields().document(top.scoreDocs[0].doc).get(ReportFields.ID), q + ": nearest of a stored vector is itself");
      }
    }
    try (ReportIndex reopened = ReportIndex.openReadOnly(dir)) {
      assertEquals(q, reopened.metadata().quantization());
      assertArrayEquals(vectors[5], reopened.vector("d5").orElseThrow(), 0f, q + ": float vectors are kept exactly");
    }
  }
}
