package org.cxrsearch.radiology.finding;

import java.util.Objects;
import org.cxrsearch.radiology.report.SectionKind;

/**
 * One mention of a finding in one sentence.
 *
 * @param finding the finding key ({@code "pleural_effusion"})
 * @param status what the sentence says about it
 * @param laterality the side, or {@code null}
 * @param location where in the chest ({@code "lower lobe"}), or {@code null}
 * @param change the change since a prior, or {@code null}
 * @param section the section of the sentence
 * @param start offset of the mention in the report
 * @param end offset after it
 * @param trigger the words that set a non-present status or the change ({@code "no evidence of"}), or {@code null}
 */
public record Mention(
    String finding, Status status, Laterality laterality, String location, Change change,
    SectionKind section, int start, int end, String trigger) {

  public Mention {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(section, "section");
  }
}
