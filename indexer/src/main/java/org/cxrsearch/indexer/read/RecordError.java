package org.cxrsearch.indexer.read;

import java.util.Objects;

/**
 * Why one input record was not indexed. Written as one JSON line of the errors file.
 *
 * @param file the input file
 * @param line the 1-based line the record starts on; 0 when the input has no lines
 * @param id the record id when it could be read, else {@code null}
 * @param reason what is wrong, in words a user can act on
 */
public record RecordError(String file, long line, String id, String reason) {

  public RecordError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }
}
