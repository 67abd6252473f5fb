package org.cxrsearch.lucene.codec;

import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * How the HNSW graph stores and compares vectors. Every choice keeps the full float vectors on disk
 * too, so quantized candidates can be rescored exactly (see {@code KnnQueryBuilder}).
 *
 * <p>The quantized choices use Lucene 10.4+'s optimized scalar quantization
 * ({@link Lucene104HnswScalarQuantizedVectorsFormat}, after "Optimized Scalar Quantization",
 * Elastic 2024), with asymmetric 4-bit queries for 1-bit documents (as in RaBitQ, Gao and Long,
 * SIGMOD 2024).
 */
public enum VectorQuantization {
  /** 32-bit floats, exact scores; 8 KiB a 2048-d vector. */
  FLOAT("CxrHnswFloat", 1),
  /** 8 bits a dimension: 4x smaller graph-search vectors. */
  INT8("CxrHnswInt8", 3),
  /** 4 bits a dimension (packed nibbles): 8x smaller. */
  INT4("CxrHnswInt4", 4),
  /** 1 bit a dimension, queries at 4 bits: 32x smaller, needs rescoring. */
  BINARY("CxrHnswBinary", 8);

  private final String formatName;
  private final int defaultOversample;

  VectorQuantization(String formatName, int defaultOversample) {
    this.formatName = formatName;
    this.defaultOversample = defaultOversample;
  }

  /** The SPI name of the vectors format; written per field in every segment. */
  public String formatName() {
    return formatName;
  }

  /**
   * Candidates fetched per wanted hit before exact rescoring; coarser codes lose more ranking
   * precision and need more candidates.
   */
  public int defaultOversample() {
    return defaultOversample;
  }

  /** Whether HNSW scores are approximate and exact float rescoring is worthwhile. */
  public boolean quantized() {
    return this != FLOAT;
  }

  /** The Lucene HNSW format this choice delegates to. */
  KnnVectorsFormat newDelegate(HnswParams hnsw) {
    return switch (this) {
      case FLOAT -> new Lucene99HnswVectorsFormat(hnsw.maxConn(), hnsw.beamWidth());
      case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, hnsw.maxConn(), hnsw.beamWidth());
      case INT4 -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.PACKED_NIBBLE, hnsw.maxConn(), hnsw.beamWidth());
      case BINARY -> new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE, hnsw.maxConn(), hnsw.beamWidth());
    };
  }

  /** Parses {@code float}, {@code int8}, {@code int4}, {@code binary} (case-insensitive). */
  public static VectorQuantization parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown quantization '" + s + "'; known: " + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList(), e);
    }
  }
}
