package org.cxrsearch.lucene.codec;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * A Lucene HNSW vectors format that accepts up to {@link #MAX_DIMENSIONS} dimensions instead of
 * Lucene's {@value KnnVectorsFormat#DEFAULT_MAX_DIMENSIONS}; LLM2Vec4CXR vectors have 2048. It
 * delegates reading and writing unchanged, so the files are exactly the delegate's.
 *
 * <p>Each {@link VectorQuantization} has its own SPI name ({@link VectorQuantization#formatName()}),
 * registered in {@code META-INF/services/org.apache.lucene.codecs.KnnVectorsFormat} through the
 * nested no-argument subclasses: a reader finds the format from the name recorded in the segment,
 * whatever codec settings the reading process has. HNSW parameters only matter when writing, so the
 * readers' defaults are harmless.
 */
public class HighDimHnswVectorsFormat extends KnnVectorsFormat {

  /** Largest vector accepted; the HNSW and scalar-quantized formats have no smaller limit of their own. */
  public static final int MAX_DIMENSIONS = 4096;

  private final VectorQuantization quantization;
  private final HnswParams hnsw;
  private final KnnVectorsFormat delegate;

  public HighDimHnswVectorsFormat(VectorQuantization quantization, HnswParams hnsw) {
    super(quantization.formatName());
    this.quantization = quantization;
    this.hnsw = hnsw;
    this.delegate = quantization.newDelegate(hnsw);
  }

  public VectorQuantization quantization() {
    return quantization;
  }

  public HnswParams hnsw() {
    return hnsw;
  }

  @Override
  public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
    return delegate.fieldsWriter(state);
  }

  @Override
  public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
    return delegate.fieldsReader(state);
  }

  @Override
  public int getMaxDimensions(String fieldName) {
    return MAX_DIMENSIONS;
  }

  @Override
  public String toString() {
    return getName() + "(" + quantization + ", M=" + hnsw.maxConn() + ", beamWidth=" + hnsw.beamWidth() + ", delegate=" + delegate + ")";
  }

  /** SPI entry for {@link VectorQuantization#FLOAT}. */
  public static final class Float extends HighDimHnswVectorsFormat {
    public Float() {
      super(VectorQuantization.FLOAT, HnswParams.DEFAULTS);
    }
  }

  /** SPI entry for {@link VectorQuantization#INT8}. */
  public static final class Int8 extends HighDimHnswVectorsFormat {
    public Int8() {
      super(VectorQuantization.INT8, HnswParams.DEFAULTS);
    }
  }

  /** SPI entry for {@link VectorQuantization#INT4}. */
  public static final class Int4 extends HighDimHnswVectorsFormat {
    public Int4() {
      super(VectorQuantization.INT4, HnswParams.DEFAULTS);
    }
  }

  /** SPI entry for {@link VectorQuantization#BINARY}. */
  public static final class Binary extends HighDimHnswVectorsFormat {
    public Binary() {
      super(VectorQuantization.BINARY, HnswParams.DEFAULTS);
    }
  }
}
