package org.cxrsearch.lucene.schema;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.cxrsearch.onnx.pool.Vectors;

/**
 * Maps a {@link ReportDocument} (plus its embedding) to a Lucene {@link Document} and a stored
 * document back to a {@link ReportDocument}. The field layout is described in {@link ReportFields}.
 */
public final class ReportDocumentMapper {

  /** Unit vectors are compared with a plain dot product (equal to the cosine, cheaper). */
  public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

  /** Tolerance on |v| - 1 under which a vector counts as already unit length. */
  private static final double UNIT_TOLERANCE = 1e-4;

  private final int dimensions;
  private final DocumentEnricher enricher;

  /** @param dimensions the vector length every document must have (the encoder's) */
  public ReportDocumentMapper(int dimensions) {
    this(dimensions, null);
  }

  /**
   * @param dimensions the vector length every document must have (the encoder's)
   * @param enricher adds derived fields to every document, or {@code null} for the schema's fields only
   */
  public ReportDocumentMapper(int dimensions, DocumentEnricher enricher) {
    if (dimensions <= 0) {
      throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
    }
    this.dimensions = dimensions;
    this.enricher = enricher;
  }

  /** Whether documents get derived fields ({@link DocumentEnricher}). */
  public boolean enriched() {
    return enricher != null;
  }

  public int dimensions() {
    return dimensions;
  }

  /**
   * The Lucene document for {@code report}. The vector is L2-normalised if it is not already unit
   * length, since {@link #SIMILARITY} is only a cosine on unit vectors.
   *
   * @throws IllegalArgumentException if the vector has the wrong length, is zero or not finite
   */
  public Document toDocument(ReportDocument report, float[] vector) {
    Objects.requireNonNull(report, "report");
    Document doc = new Document();
    doc.add(new KeywordField(ReportFields.ID, report.id(), Store.YES));
    doc.add(new TextField(ReportFields.TEXT, report.text(), Store.YES));
    addText(doc, ReportFields.FINDINGS, report.findings());
    addText(doc, ReportFields.IMPRESSION, report.impression());
    if (report.source() != null) {
      doc.add(new StoredField(ReportFields.SOURCE, report.source()));
    }
    if (report.studyDate() != null) {
      doc.add(new LongField(ReportFields.STUDY_DATE, report.studyDate().toEpochDay(), Store.YES));
    }
    addKeyword(doc, ReportFields.STUDY_ID, report.studyId());
    addKeyword(doc, ReportFields.PATIENT_ID, report.patientId());
    report.metadata().forEach((k, v) -> addKeyword(doc, ReportFields.metaField(k), v));
    doc.add(new KeywordField(ReportFields.CONTENT_HASH, report.contentHash(), Store.YES));
    doc.add(new KnnFloatVectorField(ReportFields.VECTOR, unit(report.id(), vector), SIMILARITY));
    if (enricher != null) {
      enricher.enrich(report, doc);
    }
    return doc;
  }

  /** The report stored in {@code doc} (the vector is read separately, from the vector field). */
  public static ReportDocument fromDocument(Document doc) {
    ReportDocument.Builder b =
        ReportDocument.builder(doc.get(ReportFields.ID))
            .text(doc.get(ReportFields.TEXT))
            .findings(doc.get(ReportFields.FINDINGS))
            .impression(doc.get(ReportFields.IMPRESSION))
            .studyId(doc.get(ReportFields.STUDY_ID))
            .patientId(doc.get(ReportFields.PATIENT_ID))
            .source(doc.get(ReportFields.SOURCE));
    IndexableField date = doc.getField(ReportFields.STUDY_DATE);
    if (date != null) {
      b.studyDate(LocalDate.ofEpochDay(date.numericValue().longValue()));
    }
    for (IndexableField f : doc.getFields()) {
      if (f.name().startsWith(ReportFields.META_PREFIX)) {
        b.meta(f.name().substring(ReportFields.META_PREFIX.length()), f.stringValue());
      }
    }
    return b.build();
  }

  private float[] unit(String id, float[] vector) {
    Objects.requireNonNull(vector, "vector");
    if (vector.length != dimensions) {
      throw new IllegalArgumentException(
          "report '" + id + "': vector has " + vector.length + " dimensions, the index has " + dimensions);
    }
    double norm = Vectors.norm(vector);
    if (!Double.isFinite(norm) || norm == 0) {
      throw new IllegalArgumentException("report '" + id + "': vector is zero or not finite (norm " + norm + ")");
    }
    return Math.abs(norm - 1) <= UNIT_TOLERANCE ? vector : Vectors.l2Normalized(vector);
  }

  private static void addText(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new TextField(field, value, Store.YES));
    }
  }

  private static void addKeyword(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new KeywordField(field, value, Store.YES));
    }
  }
}
