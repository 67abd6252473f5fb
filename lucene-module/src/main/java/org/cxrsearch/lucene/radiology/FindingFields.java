package org.cxrsearch.lucene.radiology;

import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.extract.StatusText;
import org.cxrsearch.radiology.finding.FindingState;
import org.cxrsearch.radiology.finding.ReportFindings;

/**
 * The radiology layer's fields of a report, added at index time from the finding extractor:
 * <ul>
 *   <li>{@code finding.<key>} = {@code present|absent|uncertain}, and when stated
 *       {@code finding.<key>.laterality} and {@code finding.<key>.change}: single-term fields (indexed
 *       and stored, no doc values: filters are term queries and facets are counted from the hits), so
 *       {@code --filter finding.pneumothorax=present} works like any keyword filter;</li>
 *   <li>{@link #AFFIRMED}: the report with negated and uncertain mentions blanked out
 *       ({@link StatusText}), so a plain term matches reports that affirm it;</li>
 *   <li>{@link #NEGATED}, {@link #UNCERTAIN}: those mentions' words, searchable by name
 *       ({@code text_negated:pneumothorax}) but not counted as the finding;</li>
 *   <li>{@link #PRESENT_NAMES}: the clinical names of the present findings ("pleural effusion"), so a
 *       query rewritten from lay words matches however the report phrased the finding.</li>
 * </ul>
 * Text fields use the index's analyzer, are not stored and keep no positions (bag-of-words queries).
 */
public final class FindingFields {

  public static final String PREFIX = "finding.";
  public static final String AFFIRMED = "text_affirmed";
  public static final String NEGATED = "text_negated";
  public static final String UNCERTAIN = "text_uncertain";
  public static final String PRESENT_NAMES = "findings_present";

  /**
   * Text fields of the layer: analysed, with frequencies and norms for BM25 but no positions (the
   * layer's queries are bags of words, and positions are most of a text field's indexing cost).
   */
  private static final FieldType TEXT_NO_POSITIONS = textType();

  private static FieldType textType() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    t.freeze();
    return t;
  }

  private final FindingExtractor extractor;

  public FindingFields(FindingExtractor extractor) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
  }

  public FindingExtractor extractor() {
    return extractor;
  }

  /** The status field of a finding: {@code finding.<key>}. */
  public static String status(String finding) {
    return PREFIX + finding;
  }

  public static String laterality(String finding) {
    return PREFIX + finding + ".laterality";
  }

  public static String change(String finding) {
    return PREFIX + finding + ".change";
  }

  /** Whether {@code field} is one of this layer's keyword fields (filterable). */
  public static boolean isFindingField(String field) {
    return field.startsWith(PREFIX);
  }

  /** Extracts the findings of {@code text} and adds their fields to {@code doc}; returns the findings. */
  public ReportFindings addTo(Document doc, String text) {
    ReportFindings findings = extractor.extract(text);
    StringBuilder names = new StringBuilder();
    findings.states().forEach((key, s) -> add(doc, key, s, names));
    StatusText st = StatusText.of(text, findings);
    doc.add(new Field(AFFIRMED, st.affirmed(), TEXT_NO_POSITIONS));
    if (!st.negated().isEmpty()) {
      doc.add(new Field(NEGATED, st.negated(), TEXT_NO_POSITIONS));
    }
    if (!st.uncertain().isEmpty()) {
      doc.add(new Field(UNCERTAIN, st.uncertain(), TEXT_NO_POSITIONS));
    }
    if (!names.isEmpty()) {
      doc.add(new Field(PRESENT_NAMES, names.toString(), TEXT_NO_POSITIONS));
    }
    return findings;
  }

  private void add(Document doc, String key, FindingState s, StringBuilder names) {
    doc.add(new StringField(status(key), s.status().label(), Store.YES));
    if (s.laterality() != null) {
      doc.add(new StringField(laterality(key), s.laterality().label(), Store.YES));
    }
    if (s.change() != null) {
      doc.add(new StringField(change(key), s.change().label(), Store.YES));
    }
    if (s.status() == org.cxrsearch.radiology.finding.Status.PRESENT && !key.equals(FindingExtractor.NO_FINDING)) {
      names.append(extractor.lexicon().finding(key).words()).append('\n');
    }
  }
}
