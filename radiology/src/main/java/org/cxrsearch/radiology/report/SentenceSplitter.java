package org.cxrsearch.radiology.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a section into sentences, the scope of every negation and uncertainty rule.
 *
 * <p>A sentence ends at {@code .}, {@code !} or {@code ?} followed by white space and then an
 * upper-case letter, a digit, an opening bracket or the end of the text, and at a blank line. It does
 * not end after:
 * <ul>
 *   <li>an abbreviation radiologists write with a period ({@code approx.}, {@code Dr.}, {@code vs.},
 *       {@code e.g.}, {@code i.e.}, {@code cf.}, {@code no.} before a number ...);</li>
 *   <li>a number's decimal point ({@code 1.5 cm}: no white space follows it);</li>
 *   <li>a lower-case continuation ({@code "... approx. 2 cm"}): prose sentences start upper-case.</li>
 * </ul>
 * A numbered list item starts a new sentence even without a period before it ({@code "1. Effusion 2.
 * Atelectasis"}, {@code "1) ..."}, line bullets {@code "-"}), and its marker is left out of the text.
 * Slashed abbreviations ({@code s/p}, {@code d/w}) contain no period and need no rule.
 */
public final class SentenceSplitter {

  private static final Set<String> ABBREVIATIONS = Set.of(
      "approx", "dr", "drs", "mr", "mrs", "ms", "vs", "e.g", "i.e", "eg", "ie", "cf", "etc", "fig", "no", "nos",
      "st", "pt", "pts", "hx", "dx", "sx", "yr", "yrs", "mo", "mos", "wk", "wks", "prev", "esp", "incl",
      "resp", "mod", "min", "max", "sq", "ca", "op", "post", "ant", "lat", "pa", "ap", "dept", "univ");

  /** The sentences of one section. */
  public List<Sentence> split(Section section) {
    List<Sentence> out = new ArrayList<>();
    String s = section.text();
    int n = s.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int cut = -1; // end of the current sentence (exclusive)
      int next = -1; // start of the next one
      if ((c == '.' || c == '!' || c == '?') && endsSentence(s, i)) {
        cut = i + 1;
        next = i + 1;
      } else if (c == '\n' && blankLineOrBulletFollows(s, i)) {
        cut = i;
        next = i + 1;
      } else if (Character.isWhitespace(c) && i > start && listMarkerAt(s, i + 1) > 0 && !Character.isDigit(s.charAt(i - 1))) {
        cut = i;
        next = i + 1;
      }
      if (cut >= 0) {
        add(out, section, start, cut);
        start = next;
        i = next;
      } else {
        i++;
      }
    }
    add(out, section, start, n);
    return out;
  }

  private static boolean endsSentence(String s, int dot) {
    int n = s.length();
    if (dot + 1 < n && !Character.isWhitespace(s.charAt(dot + 1))) {
      return false; // 1.5, e.g.x, a URL
    }
    int j = dot + 1;
    while (j < n && Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    if (s.charAt(dot) == '.') {
      String before = wordBefore(s, dot);
      if (ABBREVIATIONS.contains(before)) {
        return false;
      }
      if (isListMarkerNumber(s, dot)) {
        return false; // the "1." of "1. Effusion"
      }
    }
    if (j >= n) {
      return true;
    }
    char first = s.charAt(j);
    return Character.isUpperCase(first) || Character.isDigit(first) || first == '(' || first == '[' || first == '-' || first == '"';
  }

  /** The word (letters, digits, inner periods) just before {@code pos}, lower-cased. */
  private static String wordBefore(String s, int pos) {
    int j = pos;
    while (j > 0 && (Character.isLetterOrDigit(s.charAt(j - 1)) || (s.charAt(j - 1) == '.' && j - 1 > 0 && Character.isLetter(s.charAt(j - 2))))) {
      j--;
    }
    return s.substring(j, pos).toLowerCase(Locale.ROOT);
  }

  /** Whether the digits before {@code dot} stand alone at the start of a line or sentence (a list marker). */
  private static boolean isListMarkerNumber(String s, int dot) {
    int j = dot;
    while (j > 0 && Character.isDigit(s.charAt(j - 1))) {
      j--;
    }
    if (j == dot || dot - j > 2) {
      return false;
    }
    int k = j;
    while (k > 0 && (s.charAt(k - 1) == ' ' || s.charAt(k - 1) == '\t')) {
      k--;
    }
    return k == 0 || s.charAt(k - 1) == '\n' || s.charAt(k - 1) == '.' || s.charAt(k - 1) == ':';
  }

  /** Length of a list marker ({@code "2. "}, {@code "2) "}) starting at {@code i}, or 0. */
  private static int listMarkerAt(String s, int i) {
    int n = s.length();
    int j = i;
    while (j < n && j - i < 2 && Character.isDigit(s.charAt(j))) {
      j++;
    }
    if (j == i || j >= n || (s.charAt(j) != '.' && s.charAt(j) != ')')) {
      return 0;
    }
    if (j + 1 >= n || !Character.isWhitespace(s.charAt(j + 1))) {
      return 0;
    }
    int k = j + 1;
    while (k < n && Character.isWhitespace(s.charAt(k))) {
      k++;
    }
    return k < n && Character.isLetter(s.charAt(k)) ? k - i : 0;
  }

  private static boolean blankLineOrBulletFollows(String s, int nl) {
    int j = nl + 1;
    while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
      j++;
    }
    if (j >= s.length()) {
      return false;
    }
    char c = s.charAt(j);
    return c == '\n' || c == '\r' || c == '-' || c == '*' || c == '\u2022' || listMarkerAt(s, j) > 0;
  }

  private static void add(List<Sentence> out, Section section, int from, int to) {
    String s = section.text();
    while (from < to && (Character.isWhitespace(s.charAt(from)) || s.charAt(from) == '-' || s.charAt(from) == '*' || s.charAt(from) == '\u2022')) {
      from++;
    }
    int marker = listMarkerAt(s, from);
    if (marker > 0) {
      from += marker;
    }
    while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    if (to > from) {
      out.add(new Sentence(s.substring(from, to), section.start() + from, section.start() + to, section.kind()));
    }
  }
}
