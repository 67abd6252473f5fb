package org.cxrsearch.server.embeddings;

/**
 * Vectors in input order and the tokens the model read for them.
 *
 * @param vectors one vector per input text
 * @param promptTokens the model's tokens over all inputs: special tokens and instruction included,
 *     after truncation; what {@code usage.prompt_tokens} reports
 */
public record EmbeddingResult(float[][] vectors, long promptTokens) {}
