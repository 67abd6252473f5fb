package org.cxrsearch.lucene.store;

/** The index on disk cannot be used as asked: another model, another schema, or not cxrsearch's. */
public final class IncompatibleIndexException extends RuntimeException {
  public IncompatibleIndexException(String message) {
    super(message);
  }
}
