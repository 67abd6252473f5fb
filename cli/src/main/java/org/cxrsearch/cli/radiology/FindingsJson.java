package org.cxrsearch.cli.radiology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cxrsearch.radiology.finding.FindingState;
import org.cxrsearch.radiology.finding.ReportFindings;

/** The JSON shape of a report's findings: {@code {"pneumothorax": {"status": "absent", "laterality": null, ...}}}. */
final class FindingsJson {

  private FindingsJson() {}

  static Map<String, Object> of(ReportFindings findings) {
    Map<String, Object> out = new LinkedHashMap<>();
    findings.states().forEach((key, s) -> out.put(key, state(s)));
    return out;
  }

  static Map<String, Object> state(FindingState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", s.status().label());
    m.put("laterality", s.laterality() == null ? null : s.laterality().label());
    m.put("location", s.location());
    m.put("change", s.change() == null ? null : s.change().label());
    m.put("mentions", s.mentions());
    return m;
  }

  /** One line of text: {@code pleural_effusion=present(left, new) pneumothorax=absent ...}. */
  static String text(ReportFindings findings) {
    StringBuilder sb = new StringBuilder();
    findings.states().forEach((key, s) -> {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(key).append('=').append(s.status().label());
      StringBuilder attrs = new StringBuilder();
      for (String a : new String[] {
          s.laterality() == null ? null : s.laterality().label(), s.location(), s.change() == null ? null : s.change().label()}) {
        if (a != null) {
          attrs.append(attrs.isEmpty() ? "" : ", ").append(a);
        }
      }
      if (!attrs.isEmpty()) {
        sb.append('(').append(attrs).append(')');
      }
    });
    return sb.toString();
  }
}
