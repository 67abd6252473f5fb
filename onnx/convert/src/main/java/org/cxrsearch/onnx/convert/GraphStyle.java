package org.cxrsearch.onnx.convert;

/** Which operators the converter emits for the blocks of the encoder. */
public enum GraphStyle {
  /**
   * ONNX Runtime's contrib operators (domain {@code com.microsoft}) where they pay: fused
   * RMS norm + residual, rotary embedding, multi-head attention. Needs ONNX Runtime.
   */
  FUSED,
  /** Standard ONNX operators only: portable, the baseline to compare against and fall back to. */
  PLAIN
}
