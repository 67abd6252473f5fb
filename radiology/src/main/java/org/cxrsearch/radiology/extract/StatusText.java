package org.cxrsearch.radiology.extract;

import java.util.Objects;
import org.cxrsearch.radiology.finding.Mention;
import org.cxrsearch.radiology.finding.ReportFindings;
import org.cxrsearch.radiology.finding.Status;

/**
 * A report's words split by what they assert, so that a search for a finding's name can match only
 * the reports that affirm it: {@code affirmed} is the report with the words of every negated,
 * uncertain or non-observation mention (indication, history) blanked out; {@code negated} and
 * {@code uncertain} hold those mentions' words, one per line, so they stay searchable on their own.
 *
 * @param affirmed the report text minus negated and uncertain mentions (same length, blanks in their place)
 * @param negated the words of absent mentions
 * @param uncertain the words of uncertain mentions and of mentions outside the observation sections
 */
public record StatusText(String affirmed, String negated, String uncertain) {

  public StatusText {
    Objects.requireNonNull(affirmed, "affirmed");
    Objects.requireNonNull(negated, "negated");
    Objects.requireNonNull(uncertain, "uncertain");
  }

  /** Splits {@code text} by the mentions the extractor found in it. */
  public static StatusText of(String text, ReportFindings findings) {
    char[] affirmed = text.toCharArray();
    StringBuilder negated = new StringBuilder();
    StringBuilder uncertain = new StringBuilder();
    for (Mention m : findings.mentions()) {
      if (m.status() == Status.PRESENT && m.section().countsAsObservation()) {
        continue;
      }
      StringBuilder to = m.status() == Status.ABSENT && m.section().countsAsObservation() ? negated : uncertain;
      to.append(text, m.start(), m.end()).append('\n');
      java.util.Arrays.fill(affirmed, m.start(), m.end(), ' ');
    }
    return new StatusText(new String(affirmed), negated.toString(), uncertain.toString());
  }
}
