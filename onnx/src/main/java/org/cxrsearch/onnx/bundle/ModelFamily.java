package org.cxrsearch.onnx.bundle;

import org.cxrsearch.onnx.pool.Pooling;

/**
 * The model architectures cxrsearch can run. A family fixes the graph's inputs and outputs, where
 * pooling happens, and whether instructions mean anything to the model.
 */
public enum ModelFamily {
  /**
   * LLM2Vec4CXR: bidirectional Llama with latent-attention pooling inside the graph. Inputs
   * {@code input_ids}, {@code attention_mask}, {@code embed_mask}; output {@code embedding}
   * {@code [batch, hidden]}.
   */
  LLM2VEC4CXR("llm2vec4cxr", Pooling.IN_GRAPH, true, 128009L),

  /**
   * A sentence-transformers BERT (such as all-MiniLM-L6-v2): inputs {@code input_ids},
   * {@code attention_mask} and optionally {@code token_type_ids}; output
   * {@code last_hidden_state} {@code [batch, seq, hidden]}, mean-pooled over the attention mask.
   * Not instruction-tuned: an instruction prefix is dropped and only the text is encoded.
   */
  SENTENCE_TRANSFORMER("sentence-transformer", Pooling.MEAN, false, 0L);

  /** Tokens per text, special tokens included, when a bundle does not say. */
  public static final int DEFAULT_MAX_LENGTH = 512;

  private final String id;
  private final Pooling pooling;
  private final boolean instructionAware;
  private final long defaultPadId;

  ModelFamily(String id, Pooling pooling, boolean instructionAware, long defaultPadId) {
    this.id = id;
    this.pooling = pooling;
    this.instructionAware = instructionAware;
    this.defaultPadId = defaultPadId;
  }

  /** The pad id when a bundle does not say ({@code <|eot_id|>} for Llama 3, {@code [PAD]} for BERT). */
  public long defaultPadId() {
    return defaultPadId;
  }

  /** The name used in manifests and index metadata. */
  public String id() {
    return id;
  }

  public Pooling pooling() {
    return pooling;
  }

  /** Whether the model input keeps the instruction (true) or only the pooled part is encoded. */
  public boolean instructionAware() {
    return instructionAware;
  }

  public static ModelFamily fromId(String id) {
    for (ModelFamily f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown model family '" + id + "'; known: " + java.util.Arrays.stream(values()).map(ModelFamily::id).toList());
  }
}
