package org.cxrsearch.lucene.schema;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.document.StoredField;
import org.junit.jupiter.api.Test;

class ReportDocumentMapperTest {

  private final ReportDocument full =
      ReportDocument.builder("r1")
          .findings("Small left pleural effusion. No pneumothorax.")
          .impression("Left effusion, unchanged.")
          .studyDate(LocalDate.of(2021, 3, 14))
          .studyId("S-9")
          .patientId("P-1")
          .meta("view", "PA")
          .meta("site", "north")
          .source("{\"id\":\"r1\"}")
          .build();

  @Test
  void textDefaultsToSectionsJoined() {
    assertEquals("Small left pleural effusion. No pneumothorax.\n\nLeft effusion, unchanged.", full.text());
    assertEquals("only impression", ReportDocument.builder("x").impression("only impression").build().text());
  }

  @Test
  void storedFieldsRoundTrip() {
    Document indexed = new ReportDocumentMapper(4).toDocument(full, new float[] {3, 0, 4, 0});
    // what a searcher gets back: only the stored values
    Document stored = new Document();
    for (IndexableField f : indexed.getFields()) {
      if (f.fieldType().stored()) {
        stored.add(f.numericValue() != null
            ? new StoredField(f.name(), f.numericValue().longValue())
            : new StoredField(f.name(), f.stringValue()));
      }
    }
    assertEquals(full, ReportDocumentMapper.fromDocument(stored));
    assertEquals(full.contentHash(), stored.get(ReportFields.CONTENT_HASH));
    assertEquals("PA", stored.get("meta.view"));
  }

  @Test
  void vectorIsNormalisedAndValidated() {
    var mapper = new ReportDocumentMapper(4);
    float[] v = ((org.apache.lucene.document.KnnFloatVectorField) mapper.toDocument(full, new float[] {3, 0, 4, 0}).getField(ReportFields.VECTOR)).vectorValue();
    assertArrayEquals(new float[] {0.6f, 0, 0.8f, 0}, v, 1e-6f);
    var e = assertThrows(IllegalArgumentException.class, () -> mapper.toDocument(full, new float[3]));
    assertTrue(e.getMessage().contains("'r1'") && e.getMessage().contains("3 dimensions"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> mapper.toDocument(full, new float[4]));
  }

  @Test
  void contentHashSeesEveryContentFieldButNotSource() {
    String h = full.contentHash();
    assertEquals(h, ReportDocument.builder("r1").findings(full.findings()).impression(full.impression())
        .studyDate(full.studyDate()).studyId("S-9").patientId("P-1").meta("site", "north").meta("view", "PA")
        .source("other source").build().contentHash());
    assertNotEquals(h, ReportDocument.builder("r1").findings(full.findings()).impression("Left effusion, larger.")
        .studyDate(full.studyDate()).studyId("S-9").patientId("P-1").metadata(full.metadata()).build().contentHash());
    assertNotEquals(ReportDocument.builder("a").meta("k", "v1").text("t").build().contentHash(),
        ReportDocument.builder("a").meta("k", "v2").text("t").build().contentHash());
  }

  @Test
  void rejectsMissingIdOrText() {
    assertThrows(IllegalArgumentException.class, () -> ReportDocument.of(" ", "text"));
    var e = assertThrows(IllegalArgumentException.class, () -> ReportDocument.builder("z").findings("  ").build());
    assertTrue(e.getMessage().contains("'z'"));
  }

  @Test
  void rejectsEmptyMetadataKeysAndKeywordsOverLucenesTermLimit() {
    var e = assertThrows(IllegalArgumentException.class, () -> ReportDocument.builder("b").text("t").meta("", "x").build());
    assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("metadata key is empty"), e.getMessage());
    // 32766 bytes is Lucene's limit for one term: exactly at it is fine, one byte more is not
    String atLimit = "a".repeat(32766);
    assertEquals(atLimit, ReportDocument.builder("b").text("t").meta("note", atLimit).build().metadata().get("note"));
    e = assertThrows(IllegalArgumentException.class, () -> ReportDocument.builder("b").text("t").meta("note", atLimit + "a").build());
    assertTrue(e.getMessage().contains("metadata 'note' is 32767 bytes"), e.getMessage());
    // é is 2 bytes of UTF-8: 16384 chars are 32768 bytes
    e = assertThrows(IllegalArgumentException.class, () -> ReportDocument.builder("b").text("t").patientId("é".repeat(16384)).build());
    assertTrue(e.getMessage().contains("patient_id is 32768 bytes"), e.getMessage());
  }
}
