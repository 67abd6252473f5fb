package org.cxrsearch.lucene.codec;

import com.carrotsearch.randomizedtesting.annotations.TimeoutSuite;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.tests.index.BaseKnnVectorsFormatTestCase;
import org.apache.lucene.tests.util.TestUtil;

/**
 * Lucene's own vectors-format conformance suite ({@link BaseKnnVectorsFormatTestCase}: random
 * vectors of every encoding and similarity, merges, deletes, sorted indexes, add-indexes, CheckIndex,
 * dimension and similarity changes) run against one {@link HighDimHnswVectorsFormat}. Each
 * quantization has its own subclass, so a failure names the format. The suite runs under JUnit 4
 * and randomizedtesting (the vintage engine, beside the JUnit 5 tests); reproduce a failure with the
 * {@code -Dtests.seed} it prints.
 *
 * <p>HNSW parameters are drawn from the test's random source, small enough that graphs are built
 * often but are still real graphs. The 2048-dimension behaviour is covered separately by
 * {@link HighDimRecallTest}: the suite draws dimensions up to {@code getMaxDimensions}, which would
 * make it many times slower.
 */
@TimeoutSuite(millis = 10 * 60 * 1000) // the suite is ~60 tests; a hung merge must not hang the build
abstract class HighDimFormatTestCase extends BaseKnnVectorsFormatTestCase {

  private final VectorQuantization quantization;

  HighDimFormatTestCase(VectorQuantization quantization) {
    this.quantization = quantization;
  }

  @Override
  protected Codec getCodec() {
    HnswParams hnsw = new HnswParams(random().nextInt(4, 17), random().nextInt(10, 101));
    return TestUtil.alwaysKnnVectorsFormat(new HighDimHnswVectorsFormat(quantization, hnsw));
  }

  /**
   * The fallback tests simulate a format that dropped its raw float vectors; every cxrsearch format
   * keeps them (rescoring needs them), as Lucene's own scalar-quantized formats do, whose tests also
   * answer {@code false}.
   */
  @Override
  protected boolean supportsFloatVectorFallback() {
    return false;
  }

  public void testMaxDimensionsIs4096() {
    assertEquals(HighDimHnswVectorsFormat.MAX_DIMENSIONS, getCodec().knnVectorsFormat().getMaxDimensions("f"));
  }
}
