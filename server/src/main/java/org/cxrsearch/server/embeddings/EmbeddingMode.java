package org.cxrsearch.server.embeddings;

import java.util.Locale;

/**
 * Whether a text is embedded as a search query or as a document to be searched, the distinction
 * every remote-embedder client makes (Elasticsearch's {@code input_type}, sentence-transformers'
 * prompts). It picks the encoder entry point: {@code TextEncoder.encodeQuery(instruction, text)}
 * or {@code TextEncoder.encodeDocuments}.
 */
public enum EmbeddingMode {
  QUERY,
  DOCUMENT;

  /** The lower-case name used in requests: {@code query} or {@code document}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a request value.
   *
   * @param param the request part it came from, named in the error
   * @throws EmbeddingException 400 when the value is neither {@code query} nor {@code document}
   */
  public static EmbeddingMode parse(String param, String value) {
    for (EmbeddingMode mode : values()) {
      if (mode.id().equals(value)) {
        return mode;
      }
    }
    throw EmbeddingException.invalid(param, "`" + param + "` must be \"query\" or \"document\", not \"" + value + "\"");
  }
}
