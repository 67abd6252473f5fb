package org.cxrsearch.server.es;

/** Fixed bounds of the query DSL (the HTTP limits are in {@link org.cxrsearch.server.http.Limits}). */
final class IndexLimits {

  /** Elasticsearch's {@code index.max_terms_count} default. */
  static final int MAX_TERMS = 65_536;

  private IndexLimits() {}
}
