package org.cxrsearch.lucene;

import java.util.Random;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.InstructionFormat;
import org.cxrsearch.onnx.pool.Vectors;

/** Shared fixtures: encoder identities and seeded unit vectors. */
public final class TestData {

  private TestData() {}

  public static EncoderInfo encoder(String fingerprint, int dims) {
    return new EncoderInfo("fake-" + fingerprint, ModelFamily.LLM2VEC4CXR, dims, fingerprint, InstructionFormat.LLM2VEC);
  }

  public static IndexMetadata metadata(int dims, VectorQuantization q) {
    return new IndexMetadata(encoder("fp-a", dims), "", q);
  }

  /** A seeded random unit vector. */
  public static float[] unitVector(Random random, int dims) {
    float[] v = new float[dims];
    for (int i = 0; i < dims; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return Vectors.l2Normalized(v);
  }

  /** The unit vector along axis {@code i} (hand-checkable dot products). */
  public static float[] axis(int dims, int i) {
    float[] v = new float[dims];
    v[i] = 1f;
    return v;
  }
}
