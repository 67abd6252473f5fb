package org.cxrsearch.searcher.search;

/**
 * The vector of a query for the KNN side: {@code instruction + separator + text} encoded by the
 * index's model (MODEL.md §4). A function, so that a host opens its model only when a search needs it.
 */
@FunctionalInterface
public interface QueryEncoder {

  /** The query vector of {@code text} under {@code instruction} ({@code ""} for none). */
  float[] encode(String instruction, String text);
}
