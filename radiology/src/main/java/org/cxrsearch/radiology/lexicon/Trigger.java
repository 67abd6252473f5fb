package org.cxrsearch.radiology.lexicon;

import java.util.Objects;

/**
 * A context trigger's meaning.
 *
 * @param kind what it does
 * @param arg the change, side or location it names; {@code null} for the other kinds
 */
public record Trigger(TriggerKind kind, String arg) {
  public Trigger {
    Objects.requireNonNull(kind, "kind");
  }
}
