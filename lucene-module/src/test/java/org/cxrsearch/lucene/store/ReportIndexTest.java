package org.cxrsearch.lucene.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.IndexNotFoundException;
import org.cxrsearch.lucene.TestData;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.onnx.encode.InstructionFormat;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportIndexTest {

  @TempDir Path dir;
  private final Random random = new Random(42);

  @Test
  void upsertReplacesAndDeleteRemoves() throws Exception {
    try (ReportIndex index = ReportIndex.openForWriting(dir, TestData.metadata(8, VectorQuantization.FLOAT), IndexSettings.DEFAULTS)) {
      index.upsert(ReportDocument.of("a", "first version"), TestData.unitVector(random, 8));
      index.upsert(ReportDocument.of("b", "other"), TestData.unitVector(random, 8));
      index.upsert(ReportDocument.of("a", "second version"), TestData.unitVector(random, 8));
      index.refresh();
      assertEquals(2, index.numDocs());
      assertEquals("second version", index.get("a").orElseThrow().text());
      assertEquals(ReportDocument.of("a", "second version").contentHash(), index.contentHash("a").orElseThrow());

      index.delete("b");
      index.delete("never-there");
      index.commit(Map.of("indexer.checkpoint", "17"));
      index.refresh();
      assertEquals(1, index.numDocs());
      assertTrue(index.get("b").isEmpty());
      assertEquals("17", index.committedUserData().get("indexer.checkpoint"));
    }
    try (ReportIndex reopened = ReportIndex.openReadOnly(dir)) {
      assertEquals(1, reopened.numDocs());
      assertEquals(TestData.metadata(8, VectorQuantization.FLOAT), reopened.metadata());
      assertThrows(IllegalStateException.class, () -> reopened.delete("a"));
    }
  }

  @Test
  void aBadReplacementLeavesTheIndexedReportIntact() throws Exception {
    try (ReportIndex index = ReportIndex.openForWriting(dir, TestData.metadata(8, VectorQuantization.FLOAT), IndexSettings.DEFAULTS)) {
      index.upsert(ReportDocument.of("a", "original"), TestData.unitVector(random, 8));
      index.commit();
      var e = assertThrows(IllegalArgumentException.class, () -> index.upsert(ReportDocument.of("a", "replacement"), new float[7]));
      assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("7 dimensions"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> index.upsert(ReportDocument.of("a", "replacement"), new float[8]));
      index.commit();
      assertEquals(1, index.numDocs());
      assertEquals("original", index.get("a").orElseThrow().text());
    }
  }

  @Test
  void refusesToMixModels() throws Exception {
    IndexMetadata a = TestData.metadata(8, VectorQuantization.FLOAT);
    try (ReportIndex index = ReportIndex.openForWriting(dir, a, IndexSettings.DEFAULTS)) {
      index.upsert(ReportDocument.of("a", "text"), TestData.unitVector(random, 8));
      index.commit();
      index.upsert(ReportDocument.of("uncommitted", "text"), TestData.unitVector(random, 8));
    } // close() discards what was not committed
    IndexMetadata otherModel = new IndexMetadata(TestData.encoder("fp-b", 8), "", VectorQuantization.FLOAT);
    var e = assertThrows(IncompatibleIndexException.class, () -> ReportIndex.openForWriting(dir, otherModel, IndexSettings.DEFAULTS));
    assertTrue(e.getMessage().contains("model fingerprint: index has 'fp-a', requested 'fp-b'"), e.getMessage());

    IndexMetadata otherInstruction = new IndexMetadata(TestData.encoder("fp-a", 8), "Summarise; ", VectorQuantization.FLOAT);
    e = assertThrows(IncompatibleIndexException.class, () -> ReportIndex.openForWriting(dir, otherInstruction, IndexSettings.DEFAULTS));
    assertTrue(e.getMessage().contains("document instruction"), e.getMessage());

    IndexMetadata int8 = TestData.metadata(8, VectorQuantization.INT8);
    e = assertThrows(IncompatibleIndexException.class, () -> ReportIndex.openForWriting(dir, int8, IndexSettings.DEFAULTS));
    assertTrue(e.getMessage().contains("refusing to add vectors that differ in quantization:")
        && e.getMessage().contains("quantization: index has 'FLOAT', requested 'INT8'")
        && !e.getMessage().contains("model fingerprint"), e.getMessage());

    // the refused attempts left the index intact and writable with the right model
    try (ReportIndex index = ReportIndex.openForWriting(dir, a, IndexSettings.DEFAULTS)) {
      assertEquals(1, index.numDocs());
    }
  }

  @Test
  void emptyIndexRecordsItsModel() throws Exception {
    IndexMetadata m = new IndexMetadata(new EncoderInfo("m", org.cxrsearch.onnx.bundle.ModelFamily.SENTENCE_TRANSFORMER, 384, "f", new InstructionFormat("|")), "inst; ", VectorQuantization.INT4, "/models/minilm");
    ReportIndex.openForWriting(dir, m, IndexSettings.DEFAULTS).close();
    assertEquals(m, ReportIndex.readMetadata(dir));
  }

  @Test
  void readOnlyOpenOfMissingIndexNamesThePath() {
    var e = assertThrows(IndexNotFoundException.class, () -> ReportIndex.openReadOnly(dir.resolve("nope")));
    assertTrue(e.getMessage().contains("nope"));
    e = assertThrows(IndexNotFoundException.class, () -> ReportIndex.openReadOnly(dir));
    assertTrue(e.getMessage().contains("no segments file"));
  }

  @Test
  void searchesDuringIndexingSeeNewDocumentsAfterRefresh() throws Exception {
    try (ReportIndex writer = ReportIndex.openForWriting(dir, TestData.metadata(8, VectorQuantization.FLOAT), IndexSettings.DEFAULTS);
        ReportIndex otherProcess = ReportIndex.openReadOnly(dir)) {
      writer.upsert(ReportDocument.of("a", "one"), TestData.unitVector(random, 8));
      assertEquals(0, writer.numDocs(), "not refreshed yet");
      writer.refresh();
      assertEquals(1, writer.numDocs(), "near-real-time: visible before any commit");
      otherProcess.refresh();
      assertEquals(0, otherProcess.numDocs(), "a reader of the directory only sees commits");
      writer.commit();
      otherProcess.refresh();
      assertEquals(1, otherProcess.numDocs());
    }
  }
}
