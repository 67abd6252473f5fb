package org.cxrsearch.lucene.query;

/**
 * A BM25 query string Lucene's query parser rejects. The message quotes the query, points at the
 * column and gives the parser's reason.
 */
public final class QuerySyntaxException extends IllegalArgumentException {

  private final String query;
  private final int column;
  private final String reason;

  public QuerySyntaxException(String query, int column, String reason, Throwable cause) {
    super(format(query, column, reason), cause);
    this.query = query;
    this.column = column;
    this.reason = reason;
  }

  public String query() {
    return query;
  }

  /** 1-based column of the error, or -1 if the parser did not say. */
  public int column() {
    return column;
  }

  public String reason() {
    return reason;
  }

  private static String format(String query, int column, String reason) {
    StringBuilder sb = new StringBuilder("bad query syntax");
    if (column > 0) {
      sb.append(" at column ").append(column);
    }
    sb.append(": ").append(reason).append("\n  ").append(query);
    if (column > 0) {
      sb.append("\n  ").append(" ".repeat(Math.min(column - 1, query.length()))).append('^');
    }
    return sb.toString();
  }
}
