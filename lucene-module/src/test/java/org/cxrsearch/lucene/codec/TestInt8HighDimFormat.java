package org.cxrsearch.lucene.codec;

/** {@link HighDimFormatTestCase} for {@link VectorQuantization#INT8}. */
public class TestInt8HighDimFormat extends HighDimFormatTestCase {
  public TestInt8HighDimFormat() {
    super(VectorQuantization.INT8);
  }
}
