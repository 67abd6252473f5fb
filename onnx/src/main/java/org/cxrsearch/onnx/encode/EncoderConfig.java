package org.cxrsearch.onnx.encode;

import org.cxrsearch.onnx.run.RuntimeOptions;

/**
 * Encoder settings with sensible defaults.
 *
 * @param runtime ONNX Runtime session settings (device, threads)
 * @param maxBatchSize most texts in one model call
 * @param tokenBudget most padded tokens ({@code rows x longest row}) in one model call; bounds the
 *     activation memory of a batch whatever the text lengths
 * @param maxLength tokens per text including special tokens; 0 takes the bundle's (512 for
 *     LLM2Vec4CXR)
 */
public record EncoderConfig(RuntimeOptions runtime, int maxBatchSize, int tokenBudget, int maxLength) {

  public static final int DEFAULT_MAX_BATCH_SIZE = 64;
  public static final int DEFAULT_TOKEN_BUDGET = 8192;

  public EncoderConfig {
    java.util.Objects.requireNonNull(runtime, "runtime");
    if (maxBatchSize < 1 || tokenBudget < 1 || maxLength < 0) {
      throw new IllegalArgumentException("maxBatchSize and tokenBudget must be positive, maxLength >= 0");
    }
  }

  public static EncoderConfig defaults() {
    return new EncoderConfig(RuntimeOptions.defaults(), DEFAULT_MAX_BATCH_SIZE, DEFAULT_TOKEN_BUDGET, 0);
  }

  public EncoderConfig withRuntime(RuntimeOptions r) {
    return new EncoderConfig(r, maxBatchSize, tokenBudget, maxLength);
  }

  public EncoderConfig withBatching(int batchSize, int budget) {
    return new EncoderConfig(runtime, batchSize, budget, maxLength);
  }
}
