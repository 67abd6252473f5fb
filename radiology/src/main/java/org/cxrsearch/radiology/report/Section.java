package org.cxrsearch.radiology.report;

import java.util.Objects;

/**
 * One section of a report.
 *
 * @param kind what the section is
 * @param header the header as written ({@code "IMPRESSION"}), or {@code null} for headerless text
 * @param start offset of the section body in the report
 * @param end offset after the body
 * @param text the body ({@code report.substring(start, end)})
 */
public record Section(SectionKind kind, String header, int start, int end, String text) {
  public Section {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
