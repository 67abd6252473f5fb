package org.cxrsearch.lucene.codec;

/** {@link HighDimFormatTestCase} for {@link VectorQuantization#FLOAT}. */
public class TestFloatHighDimFormat extends HighDimFormatTestCase {
  public TestFloatHighDimFormat() {
    super(VectorQuantization.FLOAT);
  }
}
