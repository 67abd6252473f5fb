package org.cxrsearch.server.embeddings;

/**
 * A request the embeddings API refuses. Carries what each API's error shape needs: the HTTP
 * status, a message naming the request part, the part itself ({@code param}) and a short code.
 */
public final class EmbeddingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a request was refused, mapped by each API onto its own error type. */
  public enum Kind {
    /** A malformed or unsupported request part (400, or TEI's 422). */
    INVALID,
    /** The model named in the request is not served (404). */
    UNKNOWN_MODEL,
    /** Too many inputs, or an input longer than the model reads with truncation off (413). */
    TOO_LARGE,
    /** The request is well formed but has nothing to embed. */
    EMPTY
  }

  private final Kind kind;
  private final String param;

  public EmbeddingException(Kind kind, String param, String message) {
    super(message);
    this.kind = kind;
    this.param = param;
  }

  static EmbeddingException invalid(String param, String message) {
    return new EmbeddingException(Kind.INVALID, param, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault ({@code input}, {@code input[2]}, {@code dimensions}, ...), or null. */
  public String param() {
    return param;
  }
}
