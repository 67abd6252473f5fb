package org.cxrsearch.radiology.extract;

import java.util.ArrayList;
import java.util.List;
import org.cxrsearch.radiology.finding.Change;
import org.cxrsearch.radiology.finding.Laterality;
import org.cxrsearch.radiology.finding.Mention;
import org.cxrsearch.radiology.finding.Status;
import org.cxrsearch.radiology.lexicon.Compound;
import org.cxrsearch.radiology.lexicon.FindingDefinition;
import org.cxrsearch.radiology.lexicon.Lexicon;
import org.cxrsearch.radiology.lexicon.Term;
import org.cxrsearch.radiology.lexicon.Trigger;
import org.cxrsearch.radiology.lexicon.TriggerKind;
import org.cxrsearch.radiology.report.Sentence;
import org.cxrsearch.radiology.text.Token;
import org.cxrsearch.radiology.text.TokenTrie;
import org.cxrsearch.radiology.text.Tokenizer;

/**
 * Finds the finding mentions of one sentence and decides each one's status, side, location and change.
 *
 * <p>The algorithm follows NegEx (Chapman et al. 2001) with ConText's scopes (Harkema et al. 2009):
 * <ol>
 *   <li>Tokens are matched once against the finding trie (names and compound groups) and once against
 *       the trigger trie, leftmost-longest, so "no evidence of" is one trigger and "no change" is a
 *       change word, not a negation (a pseudo-trigger in NegEx's terms).</li>
 *   <li>The sentence is cut into clauses at semicolons, colons and termination triggers ("but",
 *       "however", "there is" ...): no trigger acts across a clause boundary.</li>
 *   <li>A finding is named by a phrase, or by a {@link Compound}: an anchor and a modifier group in one
 *       clause within {@value #COMPOUND_WINDOW} words ("heart size ... enlarged"); for each anchor the
 *       nearest modifier decides, so "normal heart size, enlarged aorta" does not pair heart with
 *       enlarged.</li>
 *   <li>Status: the nearest negation or uncertainty trigger in scope wins (negation on a tie). A
 *       {@code _PRE} trigger reaches {@value #PRE_WINDOW} words forward (long enough for "no
 *       consolidation, effusion, or pneumothorax"), a {@code _POST} trigger {@value #POST_WINDOW} words
 *       back ("pneumothorax is not seen"), as in NegEx's five-word window; a trigger inside a compound's
 *       span counts ("heart is not enlarged"). A compound's forced status overrides triggers. NegBio
 *       (Peng et al. 2018) contributed the uncertainty phrases ("cannot be excluded", "suspicious for");
 *       a hedge inside a negation's scope is negated with it ("no opacity to suggest pneumonia").</li>
 *   <li>Change: the nearest change trigger within {@value #ATTRIBUTE_WINDOW} words in the clause, not
 *       overlapping the mention ("decreased lung volumes" is a finding, not a change); "resolved" makes
 *       the finding absent.</li>
 *   <li>Side and location: the nearest side / location trigger within {@value #ATTRIBUTE_WINDOW} words,
 *       inside the mention first, then before it (ties) or after it.</li>
 * </ol>
 */
final class SentenceAnalyzer {

  static final int PRE_WINDOW = 10;
  static final int POST_WINDOW = 4;
  static final int COMPOUND_WINDOW = 6;
  static final int ATTRIBUTE_WINDOW = 5;

  private final Lexicon lexicon;

  SentenceAnalyzer(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  private record Candidate(String finding, int from, int to, Status forced, boolean compound) {}

  /** The mentions of {@code sentence}, in token order. */
  List<Mention> analyze(Sentence sentence) {
    List<Token> tokens = Tokenizer.tokenize(sentence.text());
    if (tokens.isEmpty()) {
      return List.of();
    }
    List<TokenTrie.Match<Term>> terms = lexicon.terms().match(tokens);
    if (terms.isEmpty()) {
      return List.of();
    }
    List<TokenTrie.Match<Trigger>> triggers = lexicon.triggers().match(tokens);
    int n = tokens.size();
    int[] word = new int[n + 1]; // word tokens before index i: gaps are counted in words
    int[] clause = new int[n + 1];
    int c = 0;
    int w = 0;
    int ti = 0;
    for (int i = 0; i < n; i++) {
      while (ti < triggers.size() && triggers.get(ti).from() < i) {
        ti++;
      }
      Token t = tokens.get(i);
      if (!t.word() && (t.norm().equals(";") || t.norm().equals(":"))) {
        c++;
      } else if (ti < triggers.size() && triggers.get(ti).from() == i && has(triggers.get(ti), TriggerKind.TERMINATION)) {
        c++;
      }
      word[i] = w;
      clause[i] = c;
      if (t.word()) {
        w++;
      }
    }
    word[n] = w;
    clause[n] = c + 1;

    List<Candidate> candidates = candidates(terms, word, clause);
    List<Mention> out = new ArrayList<>(candidates.size());
    for (Candidate cand : candidates) {
      out.add(mention(sentence, tokens, triggers, word, clause, cand));
    }
    return out;
  }

  private List<Candidate> candidates(List<TokenTrie.Match<Term>> terms, int[] word, int[] clause) {
    List<Candidate> out = new ArrayList<>();
    for (TokenTrie.Match<Term> m : terms) {
      for (Term t : m.values()) {
        if (!t.group()) {
          out.add(new Candidate(t.name(), m.from(), m.to(), null, false));
        }
      }
    }
    for (TokenTrie.Match<Term> anchor : terms) {
      for (Term t : anchor.values()) {
        if (!t.group()) {
          continue;
        }
        // For each finding this anchor can form, the nearest modifier of any of its rules decides.
        List<Compound> rules = lexicon.compoundsAnchoredBy(t.name());
        for (int r = 0; r < rules.size(); r++) {
          Compound rule = rules.get(r);
          if (seenEarlier(rules, r)) {
            continue;
          }
          Compound best = null;
          TokenTrie.Match<Term> bestMod = null;
          int bestGap = Integer.MAX_VALUE;
          for (Compound same : rules) {
            if (!same.finding().equals(rule.finding())) {
              continue;
            }
            for (TokenTrie.Match<Term> mod : terms) {
              if (mod == anchor || !hasGroup(mod, same.modifier()) || clause[mod.from()] != clause[anchor.from()]) {
                continue;
              }
              int gap = gap(anchor, mod, word);
              if (gap <= COMPOUND_WINDOW && gap < bestGap) {
                best = same;
                bestMod = mod;
                bestGap = gap;
              }
            }
          }
          if (best != null) {
            out.add(new Candidate(best.finding(), Math.min(anchor.from(), bestMod.from()), Math.max(anchor.to(), bestMod.to()), best.forced(), true));
          }
        }
      }
    }
    // A compound replaces the narrower mentions it spans ("granuloma ... calcified" is one calcified granuloma).
    List<Candidate> kept = new ArrayList<>(out.size());
    for (Candidate a : out) {
      boolean drop = false;
      for (Candidate b : out) {
        if (b != a && b.from() <= a.from() && a.to() <= b.to() && (b.to() - b.from() > a.to() - a.from() || b.compound())) {
          FindingDefinition def = lexicon.finding(b.finding());
          if (def.subsumes().contains(a.finding()) || (b.finding().equals(a.finding()) && !a.compound())) {
            drop = true;
            break;
          }
        }
      }
      if (!drop && !duplicate(kept, a)) {
        kept.add(a);
      }
    }
    kept.sort((x, y) -> Integer.compare(x.from(), y.from()));
    return kept;
  }

  private static boolean seenEarlier(List<Compound> rules, int r) {
    for (int i = 0; i < r; i++) {
      if (rules.get(i).finding().equals(rules.get(r).finding())) {
        return true;
      }
    }
    return false;
  }

  private static boolean duplicate(List<Candidate> kept, Candidate a) {
    for (Candidate k : kept) {
      if (k.finding().equals(a.finding()) && k.from() == a.from() && k.to() == a.to()) {
        return true;
      }
    }
    return false;
  }

  private Mention mention(Sentence sentence, List<Token> tokens, List<TokenTrie.Match<Trigger>> triggers, int[] word, int[] clause, Candidate cand) {
    int cl = clause[cand.from()];
    Status status = Status.PRESENT;
    String cause = null;
    int bestGap = Integer.MAX_VALUE;
    Change change = null;
    int changeGap = Integer.MAX_VALUE;
    String changeCause = null;
    Laterality side = null;
    int sideGap = Integer.MAX_VALUE;
    String location = null;
    int locationGap = Integer.MAX_VALUE;
    for (TokenTrie.Match<Trigger> m : triggers) {
      boolean inside = m.from() >= cand.from() && m.to() <= cand.to();
      boolean overlaps = m.from() < cand.to() && m.to() > cand.from();
      boolean before = m.to() <= cand.from();
      boolean after = m.from() >= cand.to();
      boolean sameClause = clause[m.from()] == cl || inside;
      if (!sameClause) {
        continue;
      }
      int gap = inside ? 0 : before ? word[cand.from()] - word[m.to()] : after ? word[m.from()] - word[cand.to()] : 0;
      for (Trigger t : m.values()) {
        switch (t.kind()) {
          case NEGATION_PRE, UNCERTAIN_PRE -> {
            if ((before && gap <= PRE_WINDOW) || (inside && cand.compound())) {
              boolean neg = t.kind() == TriggerKind.NEGATION_PRE;
              if (gap < bestGap || (gap == bestGap && neg)) {
                status = neg ? Status.ABSENT : Status.UNCERTAIN;
                bestGap = gap;
                cause = text(sentence, tokens, m);
              }
            }
          }
          case NEGATION_POST, UNCERTAIN_POST -> {
            if ((after && gap <= POST_WINDOW) || (inside && cand.compound())) {
              boolean neg = t.kind() == TriggerKind.NEGATION_POST;
              if (gap < bestGap || (gap == bestGap && neg)) {
                status = neg ? Status.ABSENT : Status.UNCERTAIN;
                bestGap = gap;
                cause = text(sentence, tokens, m);
              }
            }
          }
          case CHANGE -> {
            if (!overlaps && gap <= ATTRIBUTE_WINDOW && gap < changeGap) {
              change = Change.parse(t.arg());
              changeGap = gap;
              changeCause = text(sentence, tokens, m);
            }
          }
          case SIDE -> {
            int g = inside ? -1 : gap;
            if (g <= ATTRIBUTE_WINDOW && (g < sideGap || (g == sideGap && before))) {
              if (after && crossesComma(tokens, cand.to(), m.from())) {
                break;
              }
              side = Laterality.parse(t.arg());
              sideGap = g;
            }
          }
          case LOCATION -> {
            if (inside && cand.compound()) {
              break; // "heart and mediastinum normal": the anchor's own words are not a location
            }
            int g = inside ? -1 : gap;
            if (g <= ATTRIBUTE_WINDOW && (g < locationGap || (g == locationGap && before))) {
              if (after && crossesComma(tokens, cand.to(), m.from())) {
                break;
              }
              location = t.arg();
              locationGap = g;
            }
          }
          default -> {}
        }
      }
    }
    if (status == Status.UNCERTAIN && negatedHedge(triggers, word, clause, cand, cl)) {
      status = Status.ABSENT; // "no opacity to suggest pneumonia": the hedge itself is negated
    }
    if (cand.forced() != null) {
      status = cand.forced();
      cause = null;
    }
    if (change == Change.RESOLVED && status == Status.PRESENT) {
      status = Status.ABSENT;
    }
    if (cause == null) {
      cause = changeCause;
    }
    int start = sentence.start() + tokens.get(cand.from()).start();
    int end = sentence.start() + tokens.get(cand.to() - 1).end();
    return new Mention(cand.finding(), status, side, location, change, sentence.section(), start, end, cause);
  }

  /** Whether a negation before the mention, in its clause and pre-window, precedes an uncertainty trigger. */
  private static boolean negatedHedge(List<TokenTrie.Match<Trigger>> triggers, int[] word, int[] clause, Candidate cand, int cl) {
    boolean negation = false;
    for (TokenTrie.Match<Trigger> m : triggers) {
      if (m.to() > cand.from() || clause[m.from()] != cl || word[cand.from()] - word[m.to()] > PRE_WINDOW) {
        continue;
      }
      if (has(m, TriggerKind.NEGATION_PRE)) {
        negation = true;
      } else if (negation && has(m, TriggerKind.UNCERTAIN_PRE)) {
        return true;
      }
    }
    return false;
  }

  private static boolean crossesComma(List<Token> tokens, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!tokens.get(i).word()) {
        return true;
      }
    }
    return false;
  }

  private static String text(Sentence s, List<Token> tokens, TokenTrie.Match<?> m) {
    return s.text().substring(tokens.get(m.from()).start(), tokens.get(m.to() - 1).end());
  }

  private static int gap(TokenTrie.Match<?> a, TokenTrie.Match<?> b, int[] word) {
    return a.to() <= b.from() ? word[b.from()] - word[a.to()] : word[a.from()] - word[b.to()];
  }

  private static boolean hasGroup(TokenTrie.Match<Term> m, String group) {
    for (Term t : m.values()) {
      if (t.group() && t.name().equals(group)) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(TokenTrie.Match<Trigger> m, TriggerKind kind) {
    for (Trigger t : m.values()) {
      if (t.kind() == kind) {
        return true;
      }
    }
    return false;
  }
}
