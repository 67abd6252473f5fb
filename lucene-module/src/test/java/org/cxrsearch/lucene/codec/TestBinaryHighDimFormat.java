package org.cxrsearch.lucene.codec;

/** {@link HighDimFormatTestCase} for {@link VectorQuantization#BINARY}. */
public class TestBinaryHighDimFormat extends HighDimFormatTestCase {
  public TestBinaryHighDimFormat() {
    super(VectorQuantization.BINARY);
  }
}
