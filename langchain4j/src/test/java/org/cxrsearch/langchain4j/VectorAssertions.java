package org.cxrsearch.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Component-wise vector comparison with a tolerance. */
final class VectorAssertions {

  private VectorAssertions() {}

  static void assertVectorEquals(float[] expected, float[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": dimension");
    for (int d = 0; d < expected.length; d++) {
      assertEquals(expected[d], actual[d], tolerance, what + ": component " + d);
    }
  }
}
