package org.cxrsearch.radiology.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a report into sections at its headers. A header is one of the names below at the start of a
 * line or after a sentence end, in any case, followed by a colon ({@code "FINDINGS:"}, {@code
 * "Clinical history:"}); a header alone on its line needs no colon. Text before the first header, or a
 * report without headers, is one {@link SectionKind#TEXT} section. Empty sections are dropped.
 *
 * <p>All header names are alternatives of one compiled pattern, so the report is scanned once.
 */
public final class SectionParser {

  private static final Map<String, SectionKind> HEADERS = Map.ofEntries(
      Map.entry("indication", SectionKind.INDICATION),
      Map.entry("indications", SectionKind.INDICATION),
      Map.entry("history", SectionKind.INDICATION),
      Map.entry("clinical history", SectionKind.INDICATION),
      Map.entry("clinical information", SectionKind.INDICATION),
      Map.entry("clinical indication", SectionKind.INDICATION),
      Map.entry("reason for exam", SectionKind.INDICATION),
      Map.entry("reason for examination", SectionKind.INDICATION),
      Map.entry("comparison", SectionKind.COMPARISON),
      Map.entry("comparisons", SectionKind.COMPARISON),
      Map.entry("technique", SectionKind.TECHNIQUE),
      Map.entry("examination", SectionKind.TECHNIQUE),
      Map.entry("exam", SectionKind.TECHNIQUE),
      Map.entry("procedure", SectionKind.TECHNIQUE),
      Map.entry("views", SectionKind.TECHNIQUE),
      Map.entry("findings", SectionKind.FINDINGS),
      Map.entry("finding", SectionKind.FINDINGS),
      Map.entry("impression", SectionKind.IMPRESSION),
      Map.entry("impressions", SectionKind.IMPRESSION),
      Map.entry("conclusion", SectionKind.IMPRESSION),
      Map.entry("conclusions", SectionKind.IMPRESSION),
      Map.entry("summary", SectionKind.IMPRESSION));

  private static final Pattern HEADER;

  static {
    StringBuilder alt = new StringBuilder();
    HEADERS.keySet().stream().sorted((a, b) -> b.length() - a.length()).forEach(h -> {
      if (!alt.isEmpty()) {
        alt.append('|');
      }
      alt.append(h.replace(" ", "\\s+"));
    });
    // At a line start (or after ". "), then either a colon or the end of the line.
    HEADER = Pattern.compile("(?im)(?:^|(?<=[.!?]\\s))[ \\t]*(" + alt + ")[ \\t]*(?::|$)");
  }

  /** The sections of {@code report}, in order. */
  public List<Section> parse(String report) {
    List<Section> out = new ArrayList<>();
    Matcher m = HEADER.matcher(report);
    SectionKind kind = SectionKind.TEXT;
    String header = null;
    int bodyStart = 0;
    while (m.find()) {
      add(out, report, kind, header, bodyStart, m.start());
      header = m.group(1);
      kind = HEADERS.get(header.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
      bodyStart = m.end();
    }
    add(out, report, kind, header, bodyStart, report.length());
    return out;
  }

  private static void add(List<Section> out, String report, SectionKind kind, String header, int start, int end) {
    while (start < end && Character.isWhitespace(report.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(report.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Section(kind, header, start, end, report.substring(start, end)));
    }
  }
}
