package org.cxrsearch.radiology.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cxrsearch.radiology.finding.Change;
import org.cxrsearch.radiology.finding.Laterality;
import org.cxrsearch.radiology.finding.Status;
import org.cxrsearch.radiology.text.TokenTrie;

/** Reads {@code findings.lex} and {@code context.lex}; an error names the file and line. */
final class LexiconParser {

  private LexiconParser() {}

  private record Block(String key, List<String> mesh, List<String> parents, List<String> subsumes, List<String> related) {}

  static Lexicon parse(Reader findingsIn, String findingsName, Reader contextIn, String contextName) throws IOException {
    Map<String, Block> blocks = new LinkedHashMap<>();
    List<Compound> compounds = new ArrayList<>();
    List<int[]> compoundLines = new ArrayList<>();
    Set<String> groups = new HashSet<>();
    TokenTrie<Term> terms = new TokenTrie<>();
    Block current = null;
    for (Line ln : lines(findingsIn)) {
      int line = ln.number();
      String l = ln.text();
      int sp = l.indexOf(' ');
      String directive = sp < 0 ? l : l.substring(0, sp);
      String rest = sp < 0 ? "" : l.substring(sp + 1).trim();
      String where = findingsName + ":" + line;
      switch (directive) {
        case "group" -> {
          int eq = rest.indexOf('=');
          if (eq < 0) {
            throw new IllegalArgumentException(where + ": expected 'group NAME = phrase | ...'");
          }
          String name = rest.substring(0, eq).trim();
          groups.add(name);
          for (String p : alternatives(rest.substring(eq + 1), where)) {
            terms.add(p, Term.group(name));
          }
        }
        case "finding" -> {
          if (!rest.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(where + ": finding key '" + rest + "' must be lower_snake_case");
          }
          if (blocks.containsKey(rest)) {
            throw new IllegalArgumentException(where + ": finding '" + rest + "' is defined twice");
          }
          current = new Block(rest, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
          blocks.put(rest, current);
        }
        case "mesh", "parent", "phrase", "compound", "subsumes", "related" -> {
          if (current == null) {
            throw new IllegalArgumentException(where + ": '" + directive + "' outside a finding block");
          }
          switch (directive) {
            case "mesh" -> current.mesh().addAll(alternatives(rest, where));
            case "parent" -> current.parents().add(rest);
            case "subsumes" -> current.subsumes().addAll(alternatives(rest, where));
            case "related" -> current.related().addAll(alternatives(rest, where));
            case "phrase" -> {
              for (String p : alternatives(rest, where)) {
                terms.add(p, Term.finding(current.key()));
              }
            }
            default -> {
              compounds.add(compound(current.key(), rest, where));
              compoundLines.add(new int[] {line});
            }
          }
        }
        default -> throw new IllegalArgumentException(where + ": unknown directive '" + directive + "'");
      }
    }
    for (int i = 0; i < compounds.size(); i++) {
      Compound c = compounds.get(i);
      for (String g : List.of(c.anchor(), c.modifier())) {
        if (!groups.contains(g)) {
          throw new IllegalArgumentException(findingsName + ":" + compoundLines.get(i)[0] + ": unknown group '" + g + "'");
        }
      }
    }
    Map<String, FindingDefinition> findings = new LinkedHashMap<>();
    for (Block b : blocks.values()) {
      for (String ref : concat(concat(b.parents(), b.subsumes()), b.related())) {
        if (!blocks.containsKey(ref)) {
          throw new IllegalArgumentException(findingsName + ": finding '" + b.key() + "' refers to unknown finding '" + ref + "'");
        }
      }
      findings.put(b.key(), new FindingDefinition(b.key(), b.mesh(), b.parents(), b.subsumes(), b.related()));
    }
    return new Lexicon(findings, compounds, terms, triggers(contextIn, contextName));
  }

  private static Compound compound(String finding, String rest, String where) {
    Status forced = null;
    int arrow = rest.indexOf("->");
    if (arrow >= 0) {
      try {
        forced = Status.parse(rest.substring(arrow + 2));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      rest = rest.substring(0, arrow);
    }
    String[] parts = rest.split("\\+");
    if (parts.length != 2) {
      throw new IllegalArgumentException(where + ": expected 'compound GROUP + GROUP [-> status]'");
    }
    return new Compound(finding, parts[0].trim(), parts[1].trim(), forced);
  }

  private static TokenTrie<Trigger> triggers(Reader in, String name) throws IOException {
    TokenTrie<Trigger> trie = new TokenTrie<>();
    for (Line ln : lines(in)) {
      String l = ln.text();
      String where = name + ":" + ln.number();
      int eq = l.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(where + ": expected 'KIND [ARG] = phrase | ...'");
      }
      String head = l.substring(0, eq).trim();
      int sp = head.indexOf(' ');
      String kindName = sp < 0 ? head : head.substring(0, sp);
      String arg = sp < 0 ? null : head.substring(sp + 1).trim();
      TriggerKind kind = null;
      for (TriggerKind k : TriggerKind.values()) {
        if (k.fileName().equals(kindName)) {
          kind = k;
        }
      }
      if (kind == null) {
        throw new IllegalArgumentException(where + ": unknown trigger kind '" + kindName + "'");
      }
      boolean needsArg = kind == TriggerKind.CHANGE || kind == TriggerKind.SIDE || kind == TriggerKind.LOCATION;
      if (needsArg != (arg != null)) {
        throw new IllegalArgumentException(where + ": '" + kindName + "' " + (needsArg ? "needs" : "takes no") + " argument");
      }
      try {
        if (kind == TriggerKind.CHANGE) {
          arg = Change.parse(arg).label();
        } else if (kind == TriggerKind.SIDE) {
          arg = Laterality.parse(arg).label();
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      Trigger t = new Trigger(kind, arg == null ? null : arg.toLowerCase(Locale.ROOT));
      for (String p : alternatives(l.substring(eq + 1), where)) {
        trie.add(p, t);
      }
    }
    return trie;
  }

  private static List<String> alternatives(String s, String where) {
    List<String> out = new ArrayList<>();
    for (String p : s.split("\\|")) {
      String t = p.trim();
      if (t.isEmpty()) {
        throw new IllegalArgumentException(where + ": empty alternative in '" + s.trim() + "'");
      }
      out.add(t);
    }
    return out;
  }

  /** A non-empty line without its comment, with its 1-based number. */
  private record Line(int number, String text) {}

  private static List<Line> lines(Reader in) throws IOException {
    List<Line> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(in);
    String raw;
    int n = 0;
    while ((raw = r.readLine()) != null) {
      n++;
      String l = stripComment(raw);
      if (!l.isEmpty()) {
        out.add(new Line(n, l));
      }
    }
    return out;
  }

  private static String stripComment(String l) {
    int hash = l.indexOf('#');
    return (hash >= 0 ? l.substring(0, hash) : l).trim();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
