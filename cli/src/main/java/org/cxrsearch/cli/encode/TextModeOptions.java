package org.cxrsearch.cli.encode;

import java.util.List;
import org.cxrsearch.onnx.encode.TextEncoder;
import picocli.CommandLine.Option;

/** {@code --mode text|instruction} and {@code --instruction}: which model-card API a text goes through. */
public final class TextModeOptions {

  /** The model card's two entry points. */
  public enum Mode {
    /** {@code encode_text}: every token pooled. */
    TEXT,
    /** {@code encode_with_instruction}: split on the separator, the part after it pooled. */
    INSTRUCTION
  }

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "text",
      description = "text (encode_text) or instruction (the separator API; a text may contain the separator)."
          + " Default: ${DEFAULT-VALUE}.")
  Mode mode;

  @Option(names = "--instruction", paramLabel = "STR",
      description = "With --mode instruction: prepend STR and the separator to every text.")
  String instruction;

  /** Checks the combination; call before reading input. */
  public void validate() {
    if (instruction != null && mode != Mode.INSTRUCTION) {
      throw new IllegalArgumentException("--instruction needs --mode instruction");
    }
  }

  public Mode mode() {
    return mode;
  }

  /** The texts as the chosen API will see them (instruction prepended when given). */
  public List<String> prepare(TextEncoder encoder, List<String> texts) {
    if (instruction == null) {
      return texts;
    }
    return texts.stream().map(t -> encoder.info().instructionFormat().apply(instruction, t)).toList();
  }
}
