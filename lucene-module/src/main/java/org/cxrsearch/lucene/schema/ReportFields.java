package org.cxrsearch.lucene.schema;

import java.util.Set;

/**
 * Names of the Lucene fields of a report. One place, so that the writer, the searcher and the
 * filters cannot disagree.
 *
 * <ul>
 *   <li>{@link #ID}: unique key, {@code KeywordField} (terms + sorted doc values + stored); upserts
 *       and deletes go through its term.
 *   <li>{@link #TEXT}, {@link #FINDINGS}, {@link #IMPRESSION}: BM25 text fields analysed with
 *       {@link ReportAnalyzer}, stored.
 *   <li>{@link #SOURCE}: the input record as given (stored only), for display and re-indexing.
 *   <li>{@link #STUDY_DATE}: {@code LongField} of the epoch day (points + doc values + stored).
 *   <li>{@link #STUDY_ID}, {@link #PATIENT_ID}, {@code meta.<key>}: keyword fields, filterable.
 *   <li>{@link #CONTENT_HASH}: SHA-256 of the document content; a resumed indexer skips ids whose
 *       hash is unchanged.
 *   <li>{@link #VECTOR}: the unit embedding, {@code DOT_PRODUCT}.
 * </ul>
 */
public final class ReportFields {

  public static final String ID = "id";
  public static final String TEXT = "text";
  public static final String FINDINGS = "findings";
  public static final String IMPRESSION = "impression";
  public static final String SOURCE = "source";
  public static final String STUDY_DATE = "study_date";
  public static final String STUDY_ID = "study_id";
  public static final String PATIENT_ID = "patient_id";
  public static final String CONTENT_HASH = "content_hash";
  public static final String VECTOR = "vector";

  /**
   * Prefix of the radiology layer's keyword fields ({@code finding.pneumothorax} = present / absent /
   * uncertain, {@code finding.pneumothorax.laterality}, ...); filterable like metadata.
   */
  public static final String FINDING_PREFIX = "finding.";

  /** Prefix of the free key-value metadata fields: key {@code view} is field {@code meta.view}. */
  public static final String META_PREFIX = "meta.";

  /** The fields BM25 queries may name. */
  public static final Set<String> TEXT_FIELDS = Set.of(TEXT, FINDINGS, IMPRESSION);

  /** Keyword fields of the fixed schema that filters may name (metadata keys come on top). */
  public static final Set<String> KEYWORD_FIELDS = Set.of(ID, STUDY_ID, PATIENT_ID);

  private ReportFields() {}

  /**
   * Whether filters may name {@code field} as it is: the study date, the fixed keyword fields,
   * metadata fields ({@code meta.*}) and finding fields ({@code finding.*}). Any other name is a
   * metadata key ({@link #metaField}).
   */
  public static boolean isFilterable(String field) {
    return field.equals(STUDY_DATE) || KEYWORD_FIELDS.contains(field) || field.startsWith(META_PREFIX)
        || field.startsWith(FINDING_PREFIX);
  }

  /** The field holding metadata key {@code key}. */
  public static String metaField(String key) {
    return META_PREFIX + key;
  }
}
