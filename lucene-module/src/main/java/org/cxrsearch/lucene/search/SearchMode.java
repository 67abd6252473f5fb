package org.cxrsearch.lucene.search;

/** Which retrievers a search runs. */
public enum SearchMode {
  /** Lexical: Lucene's BM25 over the parsed query. */
  BM25,
  /** Semantic: HNSW nearest neighbours of the encoded query. */
  KNN,
  /** Both, fused ({@link org.cxrsearch.lucene.fuse.Fusion}). */
  HYBRID;

  public boolean usesBm25() {
    return this != KNN;
  }

  public boolean usesKnn() {
    return this != BM25;
  }
}
