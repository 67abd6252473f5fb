package org.cxrsearch.radiology.report;

/**
 * One sentence of a report, or one item of a numbered list.
 *
 * @param text the sentence without its list marker
 * @param start offset of {@code text} in the report
 * @param end offset after it
 * @param section the kind of section it belongs to
 */
public record Sentence(String text, int start, int end, SectionKind section) {}
