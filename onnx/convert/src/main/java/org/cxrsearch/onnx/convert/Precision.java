package org.cxrsearch.onnx.convert;

import java.util.Locale;

/** Weight precision of a converted graph. Inputs and outputs keep their types in every variant. */
public enum Precision {
  /** float32 weights and arithmetic: the reference variant. */
  FP32,
  /**
   * float16 weights and activations inside the graph, for GPUs; casts at the boundaries keep the
   * int64 inputs and the float32 {@code embedding} output. Normalisation statistics stay float32.
   */
  FP16,
  /**
   * int8 backbone weights (one scale per output channel) and int8 activations quantized at run time
   * ({@code DynamicQuantizeMatMul}: integer kernels, VNNI/AMX), for CPUs. Embeddings, norms and the
   * pooling head stay float32.
   */
  INT8,
  /**
   * 8-bit block-quantized backbone weights ({@code MatMulNBits}, symmetric, one scale per block of
   * the input dimension): more exact than {@link #INT8}, slower on CPUs without a fast 8-bit kernel.
   */
  INT8_BLOCK,
  /** 4-bit block-quantized linear weights ({@code MatMulNBits}); smaller and faster, less exact. */
  INT4;

  /** The name used on the command line and in {@code manifest.json}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The precision named {@code id} ("fp32", ...). */
  public static Precision fromId(String id) {
    for (Precision p : values()) {
      if (p.id().equalsIgnoreCase(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown precision '" + id + "'; choose one of "
        + java.util.Arrays.stream(values()).map(Precision::id).toList());
  }

  /** Whether linear weights are block-quantized. */
  public boolean quantized() {
    return this == INT8 || this == INT8_BLOCK || this == INT4;
  }
}
