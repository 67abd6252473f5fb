package org.cxrsearch.onnx.convert.quant;

/**
 * Symmetric block quantization of a linear layer's weight {@code W [N, K]} (output rows, input
 * columns) in ONNX Runtime's {@code MatMulNBits} layout: each row is cut into blocks of {@code
 * blockSize} consecutive input columns; a block stores one float scale {@code s = max|w| / qmax}
 * ({@code qmax = 2^(bits-1) - 1}) and the codes {@code q = round(w / s) + 2^(bits-1)}, so that the
 * operator's default zero point {@code 2^(bits-1)} dequantizes to {@code (q - zp) s}. 4-bit codes
 * are packed two per byte, the first in the low nibble. A partial last block is padded with the
 * zero point (value 0). Per-block scales keep the error of each block proportional to its own
 * range (the scheme of GPTQ/AWQ-style "group-wise" quantization without their calibration).
 *
 * @param bits 4 or 8
 * @param blockSize a power of two, at least 16
 */
public record BlockQuantizer(int bits, int blockSize) {

  public BlockQuantizer {
    if (bits != 4 && bits != 8) {
      throw new IllegalArgumentException("bits must be 4 or 8, got " + bits);
    }
    if (blockSize < 16 || Integer.bitCount(blockSize) != 1) {
      throw new IllegalArgumentException("blockSize must be a power of two >= 16, got " + blockSize);
    }
  }

  /**
   * A quantized weight.
   *
   * @param codes {@code [N, blocks, blockSize * bits / 8]} packed codes
   * @param scales {@code [N, blocks]}
   */
  public record Quantized(int n, int k, int blocks, int blobSize, byte[] codes, float[] scales) {}

  public int blocks(int k) {
    return (k + blockSize - 1) / blockSize;
  }

  /** Quantizes row-major {@code w [n, k]}. */
  public Quantized quantize(float[] w, int n, int k) {
    if ((long) n * k != w.length) {
      throw new IllegalArgumentException("weight has " + w.length + " values, not " + n + " x " + k);
    }
    int blocks = blocks(k);
    int blob = blockSize * bits / 8;
    int qmax = (1 << (bits - 1)) - 1;
    int zero = 1 << (bits - 1);
    byte[] codes = new byte[n * blocks * blob];
    float[] scales = new float[n * blocks];
    int[] q = new int[blockSize];
    for (int row = 0; row < n; row++) {
      for (int b = 0; b < blocks; b++) {
        int from = row * k + b * blockSize;
        int len = Math.min(blockSize, k - b * blockSize);
        float absMax = 0;
        for (int i = 0; i < len; i++) {
          absMax = Math.max(absMax, Math.abs(w[from + i]));
        }
        float scale = absMax / qmax;
        float inv = scale == 0 ? 0 : 1 / scale;
        for (int i = 0; i < blockSize; i++) {
          int v = i < len ? Math.round(w[from + i] * inv) : 0;
          q[i] = Math.max(-qmax - 1, Math.min(qmax, v)) + zero;
        }
        scales[row * blocks + b] = scale;
        int out = (row * blocks + b) * blob;
        if (bits == 8) {
          for (int i = 0; i < blockSize; i++) {
            codes[out + i] = (byte) q[i];
          }
        } else {
          for (int i = 0; i < blockSize; i += 2) {
            codes[out + i / 2] = (byte) (q[i] | (q[i + 1] << 4));
          }
        }
      }
    }
    return new Quantized(n, k, blocks, blob, codes, scales);
  }

  /** The dequantized weight {@code [n, k]}, for tests and error measurements. */
  public float[] dequantize(Quantized qw) {
    int zero = 1 << (bits - 1);
    float[] w = new float[qw.n() * qw.k()];
    for (int row = 0; row < qw.n(); row++) {
      for (int col = 0; col < qw.k(); col++) {
        int b = col / blockSize;
        int i = col % blockSize;
        int at = (row * qw.blocks() + b) * qw.blobSize();
        int code = bits == 8 ? qw.codes()[at + i] & 0xFF : (qw.codes()[at + i / 2] >> (4 * (i & 1))) & 0xF;
        w[row * qw.k() + col] = (code - zero) * qw.scales()[row * qw.blocks() + b];
      }
    }
    return w;
  }
}
