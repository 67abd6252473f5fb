package org.cxrsearch.lucene.store;

/**
 * The index on disk cannot be used as asked: another model, another schema, or not cxrsearch's.
 * An {@link IllegalArgumentException}: the caller passed an index or a model that do not go
 * together, and command lines report it as a user error.
 */
public final class IncompatibleIndexException extends IllegalArgumentException {
  public IncompatibleIndexException(String message) {
    super(message);
  }
}
