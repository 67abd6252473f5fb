package org.cxrsearch.indexer.read;

/** What a reader yields for each input record: the record, or why it was rejected. */
public sealed interface ReadOutcome {

  /** A well-formed record. */
  record Accepted(InputRecord record) implements ReadOutcome {}

  /** A bad record; the reader has already moved past it. */
  record Rejected(RecordError error) implements ReadOutcome {}
}
