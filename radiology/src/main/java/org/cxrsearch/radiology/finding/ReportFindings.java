package org.cxrsearch.radiology.finding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The findings of one report: a state per finding that the report mentions in its findings, impression
 * or headerless text (plus findings rolled up from narrower ones, and {@code no_finding}), and every
 * mention, including those of the indication and other sections that do not count.
 *
 * @param states finding key to state, in lexicon order; findings the report does not mention are absent from the map
 * @param mentions every mention, in text order
 */
public record ReportFindings(Map<String, FindingState> states, List<Mention> mentions) {

  public ReportFindings {
    states = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(states, "states")));
    mentions = List.copyOf(mentions);
  }

  /** The status of a finding, or {@code null} when the report does not mention it. */
  public Status status(String finding) {
    FindingState s = states.get(finding);
    return s == null ? null : s.status();
  }

  /** Whether the report affirms the finding ({@link Status#PRESENT}). */
  public boolean isPresent(String finding) {
    return status(finding) == Status.PRESENT;
  }
}
