package org.cxrsearch.server.embeddings;

/**
 * Bounds on one embeddings request, so that one client cannot hold the encoder for long.
 *
 * @param maxInputs texts per request (OpenAI allows 2048, TEI 32 by default)
 * @param maxInputChars characters per text; the model reads at most its token cap anyway
 * @param maxBodyBytes request body size
 */
public record EmbeddingLimits(int maxInputs, int maxInputChars, int maxBodyBytes) {

  public EmbeddingLimits {
    if (maxInputs < 1 || maxInputChars < 1 || maxBodyBytes < 1) {
      throw new IllegalArgumentException("embedding limits must be positive: " + maxInputs + ", " + maxInputChars
          + ", " + maxBodyBytes);
    }
  }

  /**
   * 2048 texts (OpenAI's limit, and LangChain4j's default batch, so its clients work unchanged) of at
   * most 100,000 characters, in a body of at most 8 MiB.
   */
  public static EmbeddingLimits defaults() {
    return new EmbeddingLimits(2048, 100_000, 8 << 20);
  }
}
