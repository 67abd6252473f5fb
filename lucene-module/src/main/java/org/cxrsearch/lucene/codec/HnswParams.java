package org.cxrsearch.lucene.codec;

import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * HNSW construction parameters (Malkov and Yashunin, "Efficient and robust approximate nearest
 * neighbor search using Hierarchical Navigable Small World graphs", TPAMI 2018).
 *
 * @param maxConn M, the neighbours kept a node (Lucene keeps 2M on layer 0)
 * @param beamWidth efConstruction, the candidate queue size while inserting
 */
public record HnswParams(int maxConn, int beamWidth) {

  /** Lucene's defaults, M = 16 and beam width 100. */
  public static final HnswParams DEFAULTS =
      new HnswParams(Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN, Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH);

  public HnswParams {
    if (maxConn <= 0 || maxConn > Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN) {
      throw new IllegalArgumentException(
          "HNSW M must be in [1, " + Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN + "]: " + maxConn);
    }
    if (beamWidth <= 0 || beamWidth > Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH) {
      throw new IllegalArgumentException(
          "HNSW beam width must be in [1, " + Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH + "]: " + beamWidth);
    }
  }
}
