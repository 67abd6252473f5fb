package org.cxrsearch.lucene.store;

import org.cxrsearch.lucene.codec.HnswParams;

/**
 * Writer-side settings that do not change what the index means (unlike {@link IndexMetadata}).
 *
 * @param hnsw HNSW construction parameters
 * @param ramBufferMb indexing buffer before a segment is flushed; larger buffers mean fewer, bigger
 *     HNSW graphs (fewer graphs to search per query)
 * @param radiology whether documents get the radiology layer's finding fields
 *     ({@link org.cxrsearch.lucene.radiology.FindingFields}); queries use them where they exist
 */
public record IndexSettings(HnswParams hnsw, double ramBufferMb, boolean radiology) {

  public static final IndexSettings DEFAULTS = new IndexSettings(HnswParams.DEFAULTS, 256, false);

  /** Settings without the radiology layer (the library default; {@code cxrsearch index} turns it on). */
  public IndexSettings(HnswParams hnsw, double ramBufferMb) {
    this(hnsw, ramBufferMb, false);
  }

  public IndexSettings {
    java.util.Objects.requireNonNull(hnsw, "hnsw");
    if (!(ramBufferMb > 0)) {
      throw new IllegalArgumentException("ramBufferMb must be positive: " + ramBufferMb);
    }
  }

  public IndexSettings withHnsw(HnswParams p) {
    return new IndexSettings(p, ramBufferMb, radiology);
  }

  public IndexSettings withRamBufferMb(double mb) {
    return new IndexSettings(hnsw, mb, radiology);
  }

  public IndexSettings withRadiology(boolean on) {
    return new IndexSettings(hnsw, ramBufferMb, on);
  }
}
