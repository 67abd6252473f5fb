package org.cxrsearch.lucene.store;

import org.cxrsearch.lucene.codec.HnswParams;

/**
 * Writer-side settings that do not change what the index means (unlike {@link IndexMetadata}).
 *
 * @param hnsw HNSW construction parameters
 * @param ramBufferMb indexing buffer before a segment is flushed; larger buffers mean fewer, bigger
 *     HNSW graphs (fewer graphs to search per query)
 */
public record IndexSettings(HnswParams hnsw, double ramBufferMb) {

  public static final IndexSettings DEFAULTS = new IndexSettings(HnswParams.DEFAULTS, 256);

  public IndexSettings {
    java.util.Objects.requireNonNull(hnsw, "hnsw");
    if (!(ramBufferMb > 0)) {
      throw new IllegalArgumentException("ramBufferMb must be positive: " + ramBufferMb);
    }
  }

  public IndexSettings withHnsw(HnswParams p) {
    return new IndexSettings(p, ramBufferMb);
  }

  public IndexSettings withRamBufferMb(double mb) {
    return new IndexSettings(hnsw, mb);
  }
}
