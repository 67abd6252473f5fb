package org.cxrsearch.server.es;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * A parsed {@code _search} request.
 *
 * @param retriever what finds and ranks the hits
 * @param from first hit returned (0-based)
 * @param size hits returned
 * @param source which {@code _source} fields are returned
 * @param explain whether hits carry {@code _explanation}
 * @param highlight highlighting, or {@code null}
 * @param highlightQuery the query whose terms are highlighted, or {@code null}
 * @param timeoutMillis the request's own time limit (partial results after it), 0 for none
 */
record SearchPlan(
    Retriever retriever,
    int from,
    int size,
    SourceFilter source,
    boolean explain,
    Highlight highlight,
    Query highlightQuery,
    long timeoutMillis) {

  /**
   * {@code highlight.fields} with tags and fragmenting.
   *
   * @param fields the fields to highlight
   */
  record Highlight(List<String> fields, String pre, String post, int fragmentSize, int fragments) {}
}
