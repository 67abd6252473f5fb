package org.cxrsearch.searcher.search;

import java.util.Objects;

/**
 * Query instructions for the common tasks. LLM2Vec4CXR encodes a query as
 * {@code instruction + separator + text} and pools only the text (MODEL.md §4); the instruction
 * steers which aspect of the reports the vector compares. The authors' instructions end in
 * {@code "; "}.
 */
public enum InstructionPreset {
  /**
   * Reports like the query text as a whole: no instruction, so the query is encoded exactly like the
   * indexed reports ({@code separator + text}) and the comparison is symmetric.
   */
  SIMILAR(InstructionPreset.SIMILAR_TEXT),
  /**
   * A finding's change or status, in the authors' wording; {@code {finding}} is replaced by
   * {@code --finding}, or by the query text when none is given.
   */
  STATUS(InstructionPreset.STATUS_TEXT);

  /** Constants, so that {@code --help} can show them (annotation values must be constants). */
  public static final String SIMILAR_TEXT = "";

  public static final String STATUS_TEXT = "Determine the change or the status of the {finding}.; ";

  private final String template;

  InstructionPreset(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }

  /** The instruction for {@code finding} (ignored by presets without a {@code {finding}} slot). */
  public String instruction(String finding) {
    if (!template.contains("{finding}")) {
      return template;
    }
    Objects.requireNonNull(finding, "finding");
    return template.replace("{finding}", finding.strip());
  }
}
