package org.cxrsearch.onnx.convert;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * How to convert a checkpoint.
 *
 * @param precision weight precision of the emitted graph
 * @param style fused contrib operators or standard operators only
 * @param latentHeads heads of the latent-attention pooling; not stored in the checkpoint (8 in
 *     LLM2Vec4CXR's remote code)
 * @param quantBlockSize block length along the input dimension for {@link Precision#quantized()}
 *     precisions (a power of two, at least 16)
 * @param accuracyLevel {@code MatMulNBits} accuracy level of quantized precisions: 0 computes in
 *     float from dequantized weights, 4 lets ONNX Runtime quantize activations to int8 per block
 *     (faster on CPUs, slightly less exact)
 * @param name model name written into the manifest
 */
public record ConvertOptions(
    Precision precision, GraphStyle style, int latentHeads, int quantBlockSize, int accuracyLevel, String name) {

  public static final int DEFAULT_LATENT_HEADS = 8;
  public static final int DEFAULT_BLOCK_SIZE = 32;
  public static final int DEFAULT_ACCURACY_LEVEL = 4;

  public ConvertOptions {
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(style, "style");
    if (latentHeads < 1) {
      throw new IllegalArgumentException("latentHeads must be positive, got " + latentHeads);
    }
    if (quantBlockSize < 16 || Integer.bitCount(quantBlockSize) != 1) {
      throw new IllegalArgumentException("quantBlockSize must be a power of two >= 16, got " + quantBlockSize);
    }
    if (accuracyLevel < 0 || accuracyLevel > 4) {
      throw new IllegalArgumentException("accuracyLevel must be in [0, 4], got " + accuracyLevel);
    }
    name = name == null ? "" : name;
  }

  /**
   * Checks that the {@code hiddenSize}-wide latent attention splits into {@link #latentHeads} equal
   * heads; otherwise the graph would be built with truncated heads and fail only inside ONNX Runtime.
   *
   * @throws ConversionException naming both numbers and the head counts that would work
   */
  public void requireLatentHeadsDivide(int hiddenSize) {
    if (hiddenSize % latentHeads != 0) {
      throw new ConversionException("--latent-heads " + latentHeads + " does not divide the hidden size " + hiddenSize
          + " of the checkpoint; head counts that do: "
          + IntStream.rangeClosed(1, Math.min(hiddenSize, 64)).filter(n -> hiddenSize % n == 0).boxed().toList()
          + " (LLM2Vec4CXR uses " + DEFAULT_LATENT_HEADS + ")");
    }
  }

  /** fp32, fused operators, 8 latent heads, block size 32. */
  public static ConvertOptions defaults() {
    return new ConvertOptions(Precision.FP32, GraphStyle.FUSED, DEFAULT_LATENT_HEADS, DEFAULT_BLOCK_SIZE, DEFAULT_ACCURACY_LEVEL, "");
  }

  public ConvertOptions withPrecision(Precision p) {
    return new ConvertOptions(p, style, latentHeads, quantBlockSize, accuracyLevel, name);
  }

  public ConvertOptions withStyle(GraphStyle s) {
    return new ConvertOptions(precision, s, latentHeads, quantBlockSize, accuracyLevel, name);
  }

  public ConvertOptions withLatentHeads(int heads) {
    return new ConvertOptions(precision, style, heads, quantBlockSize, accuracyLevel, name);
  }

  public ConvertOptions withQuantBlockSize(int block) {
    return new ConvertOptions(precision, style, latentHeads, block, accuracyLevel, name);
  }

  public ConvertOptions withAccuracyLevel(int level) {
    return new ConvertOptions(precision, style, latentHeads, quantBlockSize, level, name);
  }

  public ConvertOptions withName(String n) {
    return new ConvertOptions(precision, style, latentHeads, quantBlockSize, accuracyLevel, n);
  }
}
