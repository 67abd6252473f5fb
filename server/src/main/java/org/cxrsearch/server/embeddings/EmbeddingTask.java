package org.cxrsearch.server.embeddings;

import java.util.List;
import java.util.Objects;

/**
 * What to embed, independent of the API that asked.
 *
 * @param texts the inputs, in order; never empty
 * @param mode query or document
 * @param instruction the text put before the model's separator ({@code instruction + separator +
 *     text}); empty for none. Models that are not instruction-aware ignore it.
 * @param normalize scale every vector to unit length (what cosine and dot-product engines expect)
 * @param truncate cut texts longer than the model reads; when false such a text is refused
 */
public record EmbeddingTask(List<String> texts, EmbeddingMode mode, String instruction, boolean normalize,
    boolean truncate) {

  public EmbeddingTask {
    texts = List.copyOf(texts);
    Objects.requireNonNull(mode, "mode");
    instruction = Objects.requireNonNullElse(instruction, "");
  }
}
