package org.cxrsearch.lucene.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.cxrsearch.lucene.schema.ReportAnalyzer;

/**
 * Marks the words of a stored text that a query matched: the text is re-analysed with the index's
 * {@link ReportAnalyzer} and every token whose term the query holds (for that field) is wrapped in
 * the tags. Because matching is on analysed terms, {@code effusions} in the text is marked for a
 * query on {@code effusion}. Phrase queries mark their words wherever they occur (not only inside
 * the phrase), which is what a reader scanning a report wants.
 *
 * @param pre tag before a matched word, such as {@code <em>}
 * @param post tag after it
 * @param fragmentSize approximate characters per fragment; 0 returns the whole text as one fragment
 * @param maxFragments most fragments per field
 */
public record TermHighlighter(String pre, String post, int fragmentSize, int maxFragments) {

  private static final Analyzer ANALYZER = new ReportAnalyzer();

  /** The terms of {@code field} that {@code query} looks for. */
  public static Set<BytesRef> queryTerms(Query query, String field) {
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    Set<BytesRef> out = new HashSet<>();
    for (Term t : terms) {
      if (t.field().equals(field)) {
        out.add(t.bytes());
      }
    }
    return out;
  }

  /** Fragments of {@code text} with the matched words tagged; empty when no word matched. */
  public List<String> highlight(String field, String text, Set<BytesRef> terms) {
    List<int[]> spans = matches(field, text, terms);
    if (spans.isEmpty()) {
      return List.of();
    }
    if (fragmentSize <= 0) {
      return List.of(tag(text, 0, text.length(), spans));
    }
    List<String> fragments = new ArrayList<>();
    int end = 0;
    for (int[] span : spans) {
      if (span[0] < end || fragments.size() == maxFragments) {
        continue;
      }
      int start = wordStart(text, Math.max(end, span[0] - fragmentSize / 4));
      int stop = wordEnd(text, Math.min(text.length(), start + fragmentSize));
      stop = Math.max(stop, span[1]);
      fragments.add(tag(text, start, stop, spans));
      end = stop;
    }
    return fragments;
  }

  private static List<int[]> matches(String field, String text, Set<BytesRef> terms) {
    List<int[]> spans = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (terms.contains(new BytesRef(term))) {
          spans.add(new int[] {offset.startOffset(), offset.endOffset()});
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string reader does not fail
    }
    return spans;
  }

  private String tag(String text, int from, int to, List<int[]> spans) {
    StringBuilder sb = new StringBuilder(to - from + 16);
    int at = from;
    for (int[] s : spans) {
      if (s[0] < from || s[1] > to) {
        continue;
      }
      sb.append(text, at, s[0]).append(pre).append(text, s[0], s[1]).append(post);
      at = s[1];
    }
    return sb.append(text, at, to).toString();
  }

  private static int wordStart(String text, int i) {
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int wordEnd(String text, int i) {
    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
