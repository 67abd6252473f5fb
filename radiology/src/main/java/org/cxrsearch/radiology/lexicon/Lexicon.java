package org.cxrsearch.radiology.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrsearch.radiology.text.TokenTrie;

/**
 * The compiled vocabulary: findings with their phrases and compound rules, and the context triggers,
 * each compiled into one {@link TokenTrie} so a sentence is matched in one pass whatever the number of
 * phrases. Immutable and thread-safe; {@link #standard()} is the lexicon shipped with cxrsearch
 * ({@code findings.lex} and {@code context.lex} beside this class).
 */
public final class Lexicon {

  private final Map<String, FindingDefinition> findings;
  private final Map<String, List<Compound>> compoundsByGroup;
  private final TokenTrie<Term> terms;
  private final TokenTrie<Trigger> triggers;

  Lexicon(Map<String, FindingDefinition> findings, List<Compound> compounds, TokenTrie<Term> terms, TokenTrie<Trigger> triggers) {
    this.findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
    Map<String, List<Compound>> byGroup = new LinkedHashMap<>();
    for (Compound c : compounds) {
      byGroup.computeIfAbsent(c.anchor(), k -> new ArrayList<>()).add(c);
    }
    this.compoundsByGroup = Collections.unmodifiableMap(byGroup);
    this.terms = terms;
    this.triggers = triggers;
  }

  private static final class Standard {
    static final Lexicon INSTANCE = load();

    private static Lexicon load() {
      try (Reader f = resource("findings.lex"); Reader c = resource("context.lex")) {
        return LexiconParser.parse(f, "findings.lex", c, "context.lex");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the built-in lexicon", e);
      }
    }

    private static Reader resource(String name) {
      InputStream in = Lexicon.class.getResourceAsStream(name);
      if (in == null) {
        throw new IllegalStateException("built-in lexicon file " + name + " is missing from the class path");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
  }

  /** The lexicon shipped with cxrsearch, parsed once. */
  public static Lexicon standard() {
    return Standard.INSTANCE;
  }

  /** Parses a lexicon from its two files (format: see {@code findings.lex} and {@code context.lex}). */
  public static Lexicon parse(Reader findings, String findingsName, Reader context, String contextName) throws IOException {
    return LexiconParser.parse(findings, findingsName, context, contextName);
  }

  /** Finding key to definition, in file order. */
  public Map<String, FindingDefinition> findings() {
    return findings;
  }

  /** The definition of a finding, or {@code null}. */
  public FindingDefinition finding(String key) {
    return findings.get(key);
  }

  /** Compound rules whose anchor is {@code group}. */
  public List<Compound> compoundsAnchoredBy(String group) {
    return compoundsByGroup.getOrDefault(group, List.of());
  }

  /** The phrase matcher of finding names and groups. */
  public TokenTrie<Term> terms() {
    return terms;
  }

  /** The phrase matcher of context triggers. */
  public TokenTrie<Trigger> triggers() {
    return triggers;
  }
}
