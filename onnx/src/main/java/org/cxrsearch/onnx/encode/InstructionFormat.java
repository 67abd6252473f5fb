package org.cxrsearch.onnx.encode;

import java.util.Objects;

/**
 * How an instruction is attached to a text: {@code instruction + separator + text}. LLM2Vec4CXR
 * uses the literal separator {@code "!@#$%^&*()"} and pools only what follows it (MODEL.md §4).
 *
 * @param separator the literal string the model input is split on; never empty
 */
public record InstructionFormat(String separator) {

  /** The separator LLM2Vec4CXR was trained with. */
  public static final String LLM2VEC_SEPARATOR = "!@#$%^&*()";

  public static final InstructionFormat LLM2VEC = new InstructionFormat(LLM2VEC_SEPARATOR);

  public InstructionFormat {
    Objects.requireNonNull(separator, "separator");
    if (separator.isEmpty()) {
      throw new IllegalArgumentException("the instruction separator must not be empty");
    }
  }

  /** {@code instruction + separator + text}; an empty instruction gives {@code separator + text}. */
  public String apply(String instruction, String text) {
    return Objects.requireNonNullElse(instruction, "") + separator + Objects.requireNonNull(text, "text");
  }
}
