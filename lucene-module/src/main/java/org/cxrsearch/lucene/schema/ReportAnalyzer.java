package org.cxrsearch.lucene.schema;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of the report text fields: {@link EnglishAnalyzer}'s chain (standard tokenizer,
 * possessive filter, lower case, stop words, Porter stemmer) with one change that matters for
 * radiology: negation words are <em>kept</em>.
 *
 * <p>{@code EnglishAnalyzer} drops {@code no} and {@code not} as stop words, so {@code "no pleural
 * effusion"} and {@code "pleural effusion"} index alike and a phrase query for the negated finding
 * cannot be written. Reports are dominated by negated findings ("no pneumothorax", "without focal
 * consolidation"), so those words stay searchable. Stemming stays: it folds {@code opacities} /
 * {@code opacity} and {@code effusions} / {@code effusion}.
 */
public final class ReportAnalyzer extends Analyzer {

  /** Negation cues that English stop lists remove but reports need. */
  public static final Set<String> KEPT_NEGATIONS = Set.of("no", "not", "without");

  private static final CharArraySet STOP_WORDS = stopWords();

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.size(), false);
    for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
      String w = new String((char[]) word);
      if (!KEPT_NEGATIONS.contains(w)) {
        set.add(w);
      }
    }
    return CharArraySet.unmodifiableSet(set);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new LowerCaseFilter(result);
    result = new StopFilter(result, STOP_WORDS);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
