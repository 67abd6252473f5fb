package org.cxrsearch.radiology.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over normalised tokens that finds every listed phrase in a token sequence in one left-to-right
 * pass: at each position it follows the trie as far as the tokens allow and keeps the longest phrase
 * that ends there (leftmost-longest, non-overlapping), the way dictionary taggers such as NegEx's
 * trigger matcher resolve "no" against "no evidence of" (Chapman et al., 2001). Cost is proportional
 * to the tokens times the depth followed, independent of the number of phrases, so thousands of phrases
 * cost what a few do.
 *
 * <p>A phrase word ending in {@code *} matches any token that starts with the rest ({@code atelecta*}
 * matches {@code atelectasis} and {@code atelectatic}), as the CheXpert labeler's stems do. When an
 * exact phrase and a stem end on the same token, the match carries both payloads. Punctuation tokens never match a phrase word, so a phrase
 * does not run across a comma.
 *
 * <p>Immutable once built; safe to share between threads.
 *
 * @param <V> the payload of a phrase (several phrases may add to the same node's payload list)
 */
public final class TokenTrie<V> {

  /** A phrase found in a token sequence: tokens {@code [from, to)} and the payloads listed for it. */
  public record Match<V>(int from, int to, List<V> values) {}

  private static final class Node<V> {
    final Map<String, Node<V>> exact = new HashMap<>();
    final List<Map.Entry<String, Node<V>>> prefixes = new ArrayList<>(0);
    List<V> values;
  }

  private final Node<V> root = new Node<>();
  private int depth;

  /** Adds a phrase (its words are normalised with {@link Tokenizer#words}) with a payload. */
  public TokenTrie<V> add(String phrase, V value) {
    List<String> words = new ArrayList<>();
    for (String raw : phrase.trim().split("\\s+")) {
      if (raw.endsWith("*")) {
        words.add(raw.toLowerCase(java.util.Locale.ROOT)); // a stem: not plural-folded
      } else {
        words.addAll(Tokenizer.words(raw));
      }
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("phrase '" + phrase + "' has no words");
    }
    Node<V> node = root;
    for (String w : words) {
      node = w.endsWith("*") ? prefixChild(node, w.substring(0, w.length() - 1)) : node.exact.computeIfAbsent(w, k -> new Node<>());
    }
    if (node.values == null) {
      node.values = new ArrayList<>(1);
    }
    if (!node.values.contains(value)) {
      node.values.add(value);
    }
    depth = Math.max(depth, words.size());
    return this;
  }

  private static <V> Node<V> prefixChild(Node<V> node, String prefix) {
    for (var e : node.prefixes) {
      if (e.getKey().equals(prefix)) {
        return e.getValue();
      }
    }
    Node<V> child = new Node<>();
    node.prefixes.add(Map.entry(prefix, child));
    return child;
  }

  /** The leftmost-longest, non-overlapping matches in {@code tokens}. */
  public List<Match<V>> match(List<Token> tokens) {
    List<Match<V>> out = new ArrayList<>();
    int i = 0;
    int n = tokens.size();
    while (i < n) {
      int bestEnd = -1;
      List<V> best = null;
      // Follow every branch (exact and prefix) breadth-first; depth is small.
      List<Node<V>> frontier = List.of(root);
      for (int j = i; j < n && !frontier.isEmpty(); j++) {
        Token t = tokens.get(j);
        if (!t.word()) {
          break;
        }
        List<Node<V>> next = new ArrayList<>(2);
        for (Node<V> node : frontier) {
          Node<V> c = node.exact.get(t.norm());
          if (c != null) {
            next.add(c);
          }
          for (var e : node.prefixes) {
            if (t.norm().startsWith(e.getKey())) {
              next.add(e.getValue());
            }
          }
        }
        List<V> here = null;
        for (Node<V> node : next) {
          if (node.values != null) {
            if (here == null) {
              here = node.values;
            } else {
              // an exact phrase and a stem end here: both payloads stand
              here = new ArrayList<>(here);
              for (V v : node.values) {
                if (!here.contains(v)) {
                  here.add(v);
                }
              }
            }
          }
        }
        if (here != null) {
          bestEnd = j + 1;
          best = here;
        }
        frontier = next;
      }
      if (best != null) {
        out.add(new Match<>(i, bestEnd, best));
        i = bestEnd;
      } else {
        i++;
      }
    }
    return out;
  }

  /** The longest phrase, in words. */
  public int depth() {
    return depth;
  }
}
