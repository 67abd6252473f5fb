package org.cxrsearch.onnx.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Python's {@code text.split(sep)} semantics, worked by hand. */
class SeparatedTextTest {

  private static final String SEP = "!@#$%^&*()";

  @Test
  void instructionThenText() {
    assertEquals(new SeparatedText("Find effusion.; Small effusion.", "Small effusion.", true),
        SeparatedText.split("Find effusion.; " + SEP + "Small effusion.", SEP));
  }

  @Test
  void noSeparatorPoolsTheWholeText() {
    assertEquals(new SeparatedText("plain", "plain", false), SeparatedText.split("plain", SEP));
  }

  @Test
  void nothingAfterTheSeparatorPoolsAnEmptyPart() {
    assertEquals(new SeparatedText("Find.; ", "", true), SeparatedText.split("Find.; " + SEP, SEP));
  }

  @Test
  void twoSeparatorsPoolTheMiddlePartAndJoinAll() {
    // "a!b!c".split("!") == ["a", "b", "c"]: input "abc", pooled parts[1] == "b"
    assertEquals(new SeparatedText("abc", "b", true), SeparatedText.split("a" + SEP + "b" + SEP + "c", SEP));
  }

  @Test
  void separatorOnlyGivesEmptyInput() {
    assertEquals(new SeparatedText("", "", true), SeparatedText.split(SEP, SEP));
  }
}
