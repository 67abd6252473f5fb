package org.cxrsearch.lucene.radiology;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.cxrsearch.radiology.finding.FindingState;
import org.cxrsearch.radiology.finding.ReportFindings;

/**
 * One scoring clause of the radiology layer: a report whose finding {@code finding} has
 * {@code value} as its status, laterality or change ({@link FindingFields}) earns {@code weight}.
 * The same value builds the Lucene clause ({@link #query()}) and explains a hit
 * ({@link #matches(ReportFindings)}), so the explanation cannot drift from the scoring.
 *
 * @param finding the finding key whose field the clause tests
 * @param attribute which of the finding's fields
 * @param value the field value that earns the weight
 * @param weight the constant score added
 */
public record FindingBoost(String finding, Attribute attribute, String value, float weight) {

  /** The finding fields a clause can test. */
  public enum Attribute {
    STATUS,
    LATERALITY,
    CHANGE
  }

  /** The Lucene field {@link FindingFields} indexes this attribute in. */
  public String field() {
    return switch (attribute) {
      case STATUS -> FindingFields.status(finding);
      case LATERALITY -> FindingFields.laterality(finding);
      case CHANGE -> FindingFields.change(finding);
    };
  }

  public Query query() {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field(), value))), weight);
  }

  /** Whether a report with these findings matches the clause (as its indexed fields would). */
  public boolean matches(ReportFindings report) {
    FindingState s = report.states().get(finding);
    if (s == null) {
      return false;
    }
    return switch (attribute) {
      case STATUS -> s.status().label().equals(value);
      case LATERALITY -> s.laterality() != null && s.laterality().label().equals(value);
      case CHANGE -> s.change() != null && s.change().label().equals(value);
    };
  }
}
