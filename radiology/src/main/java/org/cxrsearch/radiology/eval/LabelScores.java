package org.cxrsearch.radiology.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Precision, recall and F1 per label, micro-averaged (over all label decisions) and macro-averaged
 * (the mean of per-label F1 over labels with at least one gold positive).
 *
 * @param perLabel label to its counts, in scheme order
 * @param reports how many reports were scored
 */
public record LabelScores(Map<String, Counts> perLabel, int reports) {

  /** True positives, false positives and false negatives of one label. */
  public record Counts(int tp, int fp, int fn) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Gold positives. */
    public int support() {
      return tp + fn;
    }

    Counts plus(Counts o) {
      return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
    }
  }

  public LabelScores {
    perLabel = Collections.unmodifiableMap(new LinkedHashMap<>(perLabel));
  }

  /**
   * Scores predictions against gold over the reports present in both (and in {@code ids} when it is
   * not {@code null}). A label the gold marks uncertain for a report is not scored for that report.
   */
  public static LabelScores score(LabelScheme scheme, GoldLabels gold, Map<String, Set<String>> predicted, Set<String> ids) {
    Map<String, int[]> c = new LinkedHashMap<>();
    for (String l : scheme.names()) {
      c.put(l, new int[3]);
    }
    int reports = 0;
    for (var e : predicted.entrySet()) {
      String id = e.getKey();
      Set<String> g = gold.positives().get(id);
      if (g == null || (ids != null && !ids.contains(id))) {
        continue;
      }
      reports++;
      Set<String> skip = gold.uncertain().getOrDefault(id, Set.of());
      for (String l : scheme.names()) {
        if (skip.contains(l)) {
          continue;
        }
        boolean p = e.getValue().contains(l);
        boolean t = g.contains(l);
        int[] k = c.get(l);
        if (p && t) {
          k[0]++;
        } else if (p) {
          k[1]++;
        } else if (t) {
          k[2]++;
        }
      }
    }
    Map<String, Counts> out = new LinkedHashMap<>();
    c.forEach((l, k) -> out.put(l, new Counts(k[0], k[1], k[2])));
    return new LabelScores(out, reports);
  }

  public Counts micro() {
    Counts sum = new Counts(0, 0, 0);
    for (Counts k : perLabel.values()) {
      sum = sum.plus(k);
    }
    return sum;
  }

  /** Mean F1 over labels with gold positives. */
  public double macroF1() {
    double s = 0;
    int n = 0;
    for (Counts k : perLabel.values()) {
      if (k.support() > 0) {
        s += k.f1();
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }
}
