package org.cxrsearch.radiology.report;

/**
 * The parts of a radiology report. Only {@link #FINDINGS}, {@link #IMPRESSION} and {@link #TEXT}
 * describe the study; the others state why it was done and how ({@link #countsAsObservation}).
 */
public enum SectionKind {
  /** Indication, history, reason for exam: the clinical question ("r/o pneumonia"). */
  INDICATION,
  COMPARISON,
  TECHNIQUE,
  FINDINGS,
  IMPRESSION,
  /** Text outside any recognised header (a report without headers is all {@code TEXT}). */
  TEXT;

  /** Whether a finding mentioned here is an observation on this study, not a question or a history. */
  public boolean countsAsObservation() {
    return this == FINDINGS || this == IMPRESSION || this == TEXT;
  }
}
