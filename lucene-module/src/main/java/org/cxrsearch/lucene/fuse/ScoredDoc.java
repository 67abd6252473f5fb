package org.cxrsearch.lucene.fuse;

/**
 * A document and its score in one ranked list.
 *
 * @param doc the Lucene doc id, global to the searcher the lists came from
 * @param score the part's own score (BM25, cosine, ...)
 */
public record ScoredDoc(int doc, double score) {}
