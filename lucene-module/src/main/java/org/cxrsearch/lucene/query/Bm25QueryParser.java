package org.cxrsearch.lucene.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.cxrsearch.lucene.schema.ReportFields;

/**
 * Parses BM25 queries with Lucene's classic {@link QueryParser} (terms, {@code "phrases"},
 * {@code AND/OR/NOT}, {@code +/-}, {@code field:term}, {@code term~}, {@code term*}) over the
 * {@link ReportFields#TEXT} field by default, analysed like the index ({@link ReportAnalyzer}).
 * Terms are OR-ed by default, as Lucene does. A classic parser is not thread-safe, so each call
 * makes its own.
 */
public final class Bm25QueryParser {

  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
  private static final Pattern OPERATOR_WORD = Pattern.compile("\\b(AND|OR|NOT)\\b");

  private final Analyzer analyzer;
  private final String defaultField;

  public Bm25QueryParser() {
    this(new ReportAnalyzer(), ReportFields.TEXT);
  }

  public Bm25QueryParser(Analyzer analyzer, String defaultField) {
    this.analyzer = analyzer;
    this.defaultField = defaultField;
  }

  /**
   * @throws QuerySyntaxException naming the column and reason when the query does not parse, or
   *     expands to too many clauses
   */
  public Query parse(String query) {
    if (query == null || query.isBlank()) {
      throw new QuerySyntaxException(String.valueOf(query), -1, "the query is empty", null);
    }
    QueryParser parser = new QueryParser(defaultField, analyzer);
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      throw new QuerySyntaxException(query, column(e), reason(e), e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException(query, -1, "the query expands to too many clauses (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Lucene syntax that matches the words of {@code plainText} and nothing else: every syntax
   * character is escaped ({@link QueryParser#escape}), and so are the operator words {@code AND},
   * {@code OR} and {@code NOT}, which {@code escape} leaves alone although upper-case report text
   * ("NO EFFUSION OR PNEUMOTHORAX") is full of them. {@link #parse} of the result never fails on
   * syntax: report text such as {@code s/p CABG} or {@code IMPRESSION: effusion} is searched as
   * words, not as a regular expression or a field.
   */
  public static String plainText(String plainText) {
    return OPERATOR_WORD.matcher(QueryParser.escape(plainText)).replaceAll("\\\\$1");
  }

  /**
   * The 1-based column of the offending token, from the parser's token or its message. Lucene's
   * {@code FastCharStream} counts columns from 0, hence the {@code + 1}.
   */
  private static int column(ParseException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ParseException pe && pe.currentToken != null) {
        Token next = pe.currentToken.next;
        return (next != null ? next.beginColumn : pe.currentToken.endColumn + 1) + 1;
      }
    }
    Matcher m = COLUMN.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Integer.parseInt(m.group(1)) + 1 : -1;
  }

  /** The parser's first message line without the "Cannot parse '...':" preamble. */
  private static String reason(ParseException e) {
    Throwable root = e.getCause() != null ? e.getCause() : e;
    String msg = String.valueOf(root.getMessage()).strip();
    int nl = msg.indexOf('\n');
    String first = nl < 0 ? msg : msg.substring(0, nl);
    return first.replaceFirst("^Cannot parse '.*?': ", "").strip();
  }
}
