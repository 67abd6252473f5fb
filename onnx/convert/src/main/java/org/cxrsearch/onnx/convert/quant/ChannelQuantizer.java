package org.cxrsearch.onnx.convert.quant;

/**
 * Symmetric per-output-channel int8 quantization of a linear layer's weight {@code W [N, K]} for
 * ONNX Runtime's {@code DynamicQuantizeMatMul}, which quantizes the activations to 8 bits at run
 * time and multiplies with integer kernels (VNNI/AMX where the CPU has them): each output channel
 * {@code n} gets a scale {@code s_n = max_k |W[n, k]| / 127} and codes {@code round(W[n, k] / s_n)}
 * in [-127, 127], stored transposed ({@code [K, N]}, MatMul's right-hand layout). This is the
 * weight scheme of ONNX Runtime's dynamic quantization (Jacob et al. 2018, "Quantization and
 * Training of Neural Networks for Efficient Integer-Arithmetic-Only Inference", arXiv:1712.05877).
 */
public final class ChannelQuantizer {

  /**
   * A quantized weight.
   *
   * @param codes {@code [k, n]} int8 codes, row-major
   * @param scales {@code [n]}
   */
  public record Quantized(int n, int k, byte[] codes, float[] scales) {}

  /** Quantizes row-major {@code w [n, k]}. */
  public Quantized quantize(float[] w, int n, int k) {
    if ((long) n * k != w.length) {
      throw new IllegalArgumentException("weight has " + w.length + " values, not " + n + " x " + k);
    }
    byte[] codes = new byte[n * k];
    float[] scales = new float[n];
    for (int row = 0; row < n; row++) {
      float absMax = 0;
      for (int col = 0; col < k; col++) {
        absMax = Math.max(absMax, Math.abs(w[row * k + col]));
      }
      float scale = absMax / 127;
      float inv = scale == 0 ? 0 : 1 / scale;
      scales[row] = scale;
      for (int col = 0; col < k; col++) {
        codes[col * n + row] = (byte) Math.max(-127, Math.min(127, Math.round(w[row * k + col] * inv)));
      }
    }
    return new Quantized(n, k, codes, scales);
  }
}
