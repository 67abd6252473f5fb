package org.cxrsearch.lucene.codec;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;

/**
 * Lucene's default codec ({@link Lucene104Codec}) with the vector field(s) written by a {@link HighDimHnswVectorsFormat}.
 * Registered under {@value #NAME} in {@code META-INF/services/org.apache.lucene.codecs.Codec}; on
 * read, the per-field vectors format is found from the name each segment records, so the no-arg
 * instance built by SPI reads indexes of every quantization.
 */
public final class CxrSearchCodec extends FilterCodec {

  public static final String NAME = "CxrSearch104";

  private final HighDimHnswVectorsFormat vectorsFormat;
  private final KnnVectorsFormat perField =
      new PerFieldKnnVectorsFormat() {
        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
          return vectorsFormat;
        }
      };

  /** For SPI (reading): float vectors, default HNSW parameters. */
  public CxrSearchCodec() {
    this(VectorQuantization.FLOAT, HnswParams.DEFAULTS);
  }

  public CxrSearchCodec(VectorQuantization quantization, HnswParams hnsw) {
    // Not Codec.getDefault(): this constructor runs while SPI initialises the codecs.
    super(NAME, new Lucene104Codec());
    this.vectorsFormat = new HighDimHnswVectorsFormat(quantization, hnsw);
  }

  @Override
  public KnnVectorsFormat knnVectorsFormat() {
    return perField;
  }
}
