package org.cxrsearch.radiology.lexicon;

/**
 * What a phrase of the finding lexicon stands for: a finding it names directly, or a group whose
 * words combine in {@link Compound} rules.
 *
 * @param group {@code true} for a group, {@code false} for a finding
 * @param name the finding key or the group name
 */
public record Term(boolean group, String name) {
  public static Term finding(String key) {
    return new Term(false, key);
  }

  public static Term group(String name) {
    return new Term(true, name);
  }
}
