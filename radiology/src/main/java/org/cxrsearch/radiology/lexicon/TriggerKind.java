package org.cxrsearch.radiology.lexicon;

import java.util.Locale;

/**
 * The kinds of context trigger, after NegEx (Chapman et al. 2001) and ConText (Harkema et al. 2009).
 * A {@code _PRE} trigger acts on findings after it, a {@code _POST} trigger on findings before it.
 */
public enum TriggerKind {
  NEGATION_PRE,
  NEGATION_POST,
  UNCERTAIN_PRE,
  UNCERTAIN_POST,
  /** Looks like a trigger and is none ("not only", "gram negative"): it shields the words it covers. */
  PSEUDO,
  /** Ends the scope of a trigger that comes before it ("no effusion <b>but</b> atelectasis"). */
  TERMINATION,
  /** A change word; the argument is a {@link org.cxrsearch.radiology.finding.Change} label. */
  CHANGE,
  /** A side; the argument is a {@link org.cxrsearch.radiology.finding.Laterality} label. */
  SIDE,
  /** A place in the chest; the argument names it ({@code "lower lobe"}). */
  LOCATION;

  /** The name used in {@code context.lex} ({@code negation-pre}). */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
