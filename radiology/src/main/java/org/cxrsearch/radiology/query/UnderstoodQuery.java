package org.cxrsearch.radiology.query;

import java.util.List;
import java.util.Objects;

/**
 * What a search query was understood to ask.
 *
 * @param text the query as typed
 * @param clinicalText the query with lay words and abbreviations replaced by the clinical names of
 *     the findings they name ("collapsed lung" becomes "pneumothorax"); other words are kept
 * @param findings the findings asked about, in query order
 */
public record UnderstoodQuery(String text, String clinicalText, List<QueryFinding> findings) {
  public UnderstoodQuery {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(clinicalText, "clinicalText");
    findings = List.copyOf(findings);
  }

  /**
   * The query followed by the clinical names of its findings that it does not already contain
   * ("enlarged heart" gives "enlarged heart cardiomegaly"): the words of both wordings, for BM25.
   */
  public String expandedText() {
    StringBuilder sb = new StringBuilder(text);
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (QueryFinding f : findings) {
      String name = f.finding().replace('_', ' ');
      if (!lower.contains(name)) {
        sb.append(' ').append(name);
      }
    }
    return sb.toString();
  }

  /** Whether the query names any finding. */
  public boolean hasFindings() {
    return !findings.isEmpty();
  }

  /** One line for {@code --explain}: {@code pneumothorax=present(left) effusion=absent | text: "..."}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (QueryFinding f : findings) {
      sb.append(sb.isEmpty() ? "" : " ").append(f.finding()).append('=').append(f.wanted().label());
      StringBuilder a = new StringBuilder();
      if (f.laterality() != null) {
        a.append(f.laterality().label());
      }
      if (f.location() != null) {
        a.append(a.isEmpty() ? "" : ", ").append(f.location());
      }
      if (f.change() != null) {
        a.append(a.isEmpty() ? "" : ", ").append(f.change().label());
      }
      if (!a.isEmpty()) {
        sb.append('(').append(a).append(')');
      }
      sb.append(" [\"").append(f.words()).append("\"").append(f.related().isEmpty() ? "" : ", also " + String.join(", ", f.related())).append(']');
    }
    if (sb.isEmpty()) {
      sb.append("no finding named");
    }
    return sb.append(" | clinical text: \"").append(clinicalText).append('"').toString();
  }
}
