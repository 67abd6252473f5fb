package org.cxrsearch.radiology.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits radiology prose into normalised tokens, the unit every phrase and trigger is matched on.
 *
 * <p>Words are runs of letters and digits, lower-cased. A slash joins single letters ({@code s/p},
 * {@code d/w}, {@code w/o}) because those abbreviations mean one thing; elsewhere it separates. A
 * decimal point inside a number stays ({@code 1.5}). Hyphens separate ({@code air-space} is {@code air
 * space}), so phrase lists need one spelling. Commas, semicolons, colons and parentheses are kept as
 * punctuation tokens: the context rules use them as clause boundaries; other characters are dropped.
 *
 * <p>Normalisation folds regular plurals so that a phrase list needs only the singular: {@code -ies} →
 * {@code -y} ({@code opacities}), {@code -es} after {@code s/x/ch/sh} is kept as is, and a final
 * {@code s} is dropped from words of five letters or more unless they end in {@code ss}, {@code us} or
 * {@code is} ({@code atelectasis}, {@code status}, {@code mass} keep theirs). Irregular plurals
 * ({@code pneumothoraces}) are listed as phrases.
 */
public final class Tokenizer {

  private Tokenizer() {}

  /** The tokens of {@code text}, with offsets into it. */
  public static List<Token> tokenize(CharSequence text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        i++;
        while (i < n) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            i++;
          } else if (d == '/' && i - start == 1 && Character.isLetter(c) && i + 1 < n
              && Character.isLetter(text.charAt(i + 1)) && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
            i += 2; // s/p, d/w, w/o
          } else if (d == '.' && Character.isDigit(text.charAt(i - 1)) && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
            i++; // 1.5
          } else {
            break;
          }
        }
        out.add(new Token(normalize(text.subSequence(start, i).toString()), start, i, true));
      } else {
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') {
          out.add(new Token(String.valueOf(c), i, i + 1, false));
        }
        i++;
      }
    }
    return out;
  }

  /** The normalised form of one word: lower case, regular plural folded (see the class comment). */
  public static String normalize(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    int len = w.length();
    if (len >= 5 && w.endsWith("ies")) {
      return w.substring(0, len - 3) + "y";
    }
    if (len >= 5 && w.charAt(len - 1) == 's' && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
        && !w.endsWith("xes") && !w.endsWith("ches") && !w.endsWith("shes") && Character.isLetter(w.charAt(len - 2))) {
      return w.substring(0, len - 1);
    }
    return w;
  }

  /** The normalised words of a phrase, as {@link #tokenize} would give them (punctuation dropped). */
  public static List<String> words(String phrase) {
    List<String> out = new ArrayList<>();
    for (Token t : tokenize(phrase)) {
      if (t.word()) {
        out.add(t.norm());
      }
    }
    return out;
  }
}
