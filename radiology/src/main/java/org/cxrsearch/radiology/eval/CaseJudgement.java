package org.cxrsearch.radiology.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Graded relevance for similar-case search from MeSH coding: a neighbour's gain is the Jaccard overlap
 * of its MeSH headings with the source report's, and a ranking is scored by nDCG@k (Järvelin and
 * Kekäläinen 2002) against the best order of every judged report.
 */
public final class CaseJudgement {

  private CaseJudgement() {}

  /**
   * The headings of a MeSH column ({@code "Pleural Effusion/left;Cardiomegaly/mild"} gives pleural
   * effusion and cardiomegaly), lower-cased; {@code No Indexing} is left out.
   */
  public static Set<String> headings(String mesh) {
    Set<String> out = new LinkedHashSet<>();
    for (String term : mesh.split(";")) {
      String h = term.split("/")[0].strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (!h.isEmpty() && !h.equals("no indexing")) {
        out.add(h);
      }
    }
    return out;
  }

  /** |a ∩ b| / |a ∪ b|; 0 when both are empty. */
  public static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    if (union.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String s : a) {
      if (b.contains(s)) {
        shared++;
      }
    }
    return (double) shared / union.size();
  }

  /**
   * nDCG@k of a ranking: {@code sum gain_i / log2(i + 1)} over the first k ranks, divided by the same
   * sum over {@code allGains} sorted descending; 0 when no judged report has a gain.
   */
  public static double ndcg(List<Double> rankedGains, List<Double> allGains, int k) {
    List<Double> ideal = new ArrayList<>(allGains);
    ideal.sort((x, y) -> Double.compare(y, x));
    double idcg = dcg(ideal, k);
    return idcg == 0 ? 0 : dcg(rankedGains, k) / idcg;
  }

  private static double dcg(List<Double> gains, int k) {
    double s = 0;
    for (int i = 0; i < Math.min(k, gains.size()); i++) {
      s += gains.get(i) / (Math.log(i + 2) / Math.log(2));
    }
    return s;
  }
}
