package org.cxrsearch.radiology.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TokenizerTest {

  private static List<String> norms(String s) {
    return Tokenizer.tokenize(s).stream().map(Token::norm).toList();
  }

  @Test
  void wordsAreLowerCasedAndPluralsFolded() {
    assertEquals(List.of("bilateral", "effusion", "and", "opacity", "in", "both", "lung"),
        norms("Bilateral EFFUSIONS and opacities in both lungs"));
  }

  @Test
  void wordsEndingInSsUsIsKeepTheirS() {
    assertEquals(List.of("atelectasis", "mass", "status", "process"), norms("atelectasis mass status process"));
  }

  @Test
  void slashedAbbreviationsAndDecimalsStayWhole() {
    assertEquals(List.of("s/p", "cabg", ",", "d/w", "dr", "lee", "1.5", "cm"), norms("s/p CABG, d/w Dr. Lee 1.5 cm"));
    // a slash between words separates them
    assertEquals(List.of("effusion", "atelectasis"), norms("effusion/atelectasis"));
  }

  @Test
  void hyphensSeparateAndClausePunctuationIsKept() {
    List<Token> t = Tokenizer.tokenize("air-space disease; no effusion");
    assertEquals(List.of("air", "space", "disease", ";", "no", "effusion"), t.stream().map(Token::norm).toList());
    assertEquals(false, t.get(3).word());
    assertEquals(4, t.get(1).start());
    assertEquals(9, t.get(1).end());
  }
}
