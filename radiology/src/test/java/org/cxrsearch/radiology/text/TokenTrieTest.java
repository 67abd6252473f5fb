package org.cxrsearch.radiology.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TokenTrieTest {

  private static List<String> found(TokenTrie<String> trie, String text) {
    return trie.match(Tokenizer.tokenize(text)).stream()
        .map(m -> m.from() + "-" + m.to() + ":" + String.join("+", m.values())).toList();
  }

  @Test
  void longestPhraseWinsAndMatchesDoNotOverlap() {
    TokenTrie<String> t = new TokenTrie<String>().add("no", "neg").add("no evidence of", "neg3").add("effusion", "eff");
    assertEquals(List.of("0-3:neg3", "3-4:eff"), found(t, "No evidence of effusion"));
    assertEquals(List.of("0-1:neg", "1-2:eff"), found(t, "no effusion"));
  }

  @Test
  void phrasesAreMatchedOnNormalisedTokens() {
    TokenTrie<String> t = new TokenTrie<String>().add("pleural effusion", "eff");
    assertEquals(List.of("1-3:eff"), found(t, "Bilateral PLEURAL Effusions."));
  }

  @Test
  void stemsMatchAnyWordTheyStart() {
    TokenTrie<String> t = new TokenTrie<String>().add("atelecta*", "atel").add("left atelecta*", "latel");
    assertEquals(List.of("0-1:atel", "3-5:latel"), found(t, "Atelectatic change, left atelectasis")); // token 2 is the comma
  }

  @Test
  void anExactWordAndAStemEndingTogetherKeepBothPayloads() {
    TokenTrie<String> t = new TokenTrie<String>().add("hyperexpanded", "group").add("hyperexpan*", "finding");
    assertEquals(List.of("0-1:group+finding"), found(t, "hyperexpanded"));
  }

  @Test
  void aPhraseDoesNotRunAcrossPunctuation() {
    TokenTrie<String> t = new TokenTrie<String>().add("effusion atelectasis", "x").add("atelectasis", "a");
    assertEquals(List.of("2-3:a"), found(t, "effusion, atelectasis"));
  }

  @Test
  void aPhraseWithoutWordsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TokenTrie<String>().add(" ; ", "x"));
  }
}
