package org.cxrsearch.lucene.codec;

/** {@link HighDimFormatTestCase} for {@link VectorQuantization#INT4}. */
public class TestInt4HighDimFormat extends HighDimFormatTestCase {
  public TestInt4HighDimFormat() {
    super(VectorQuantization.INT4);
  }
}
