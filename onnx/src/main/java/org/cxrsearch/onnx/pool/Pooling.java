package org.cxrsearch.onnx.pool;

/** Where token vectors become one text vector. */
public enum Pooling {
  /** The graph pools itself (LLM2Vec4CXR's latent attention + masked mean over {@code embed_mask}). */
  IN_GRAPH,
  /** The graph returns token states; cxrsearch takes their mean over the pooling mask. */
  MEAN
}
