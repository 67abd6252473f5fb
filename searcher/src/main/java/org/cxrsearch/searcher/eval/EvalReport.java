package org.cxrsearch.searcher.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The scores of a run: per query, and their means over the queries that have at least one
 * relevant report (as {@code iu_eval.py} averages).
 *
 * @param perQuery query id to its scores, in query id order
 */
public record EvalReport(Map<String, QueryScores> perQuery) {

  public EvalReport {
    perQuery = Collections.unmodifiableMap(new LinkedHashMap<>(perQuery));
  }

  /**
   * Scores rankings against qrels. Every judged query with a relevant report is scored, a query
   * missing from {@code rankings} as an empty ranking.
   *
   * @param rankings query id to report ids, best first
   */
  public static EvalReport score(Map<String, List<String>> rankings, Qrels qrels) {
    Map<String, QueryScores> per = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Integer>> q : qrels.byQuery().entrySet()) {
      QueryScores s = QueryScores.score(rankings.getOrDefault(q.getKey(), List.of()), q.getValue());
      if (s != null) {
        per.put(q.getKey(), s);
      }
    }
    return new EvalReport(per);
  }

  public double map() {
    return mean(QueryScores::ap);
  }

  public double ndcg10() {
    return mean(QueryScores::ndcg10);
  }

  public double p10() {
    return mean(QueryScores::p10);
  }

  public double hardneg10() {
    return mean(QueryScores::hardneg10);
  }

  private double mean(ToDoubleFunction<QueryScores> measure) {
    return perQuery.values().stream().mapToDouble(measure).average().orElse(0);
  }

  /** The {@code --json} form: {@code {"map", "ndcg@10", "p@10", "hardneg@10", "per_query"}}. */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("map", map());
    out.put("ndcg@10", ndcg10());
    out.put("p@10", p10());
    out.put("hardneg@10", hardneg10());
    out.put("queries", perQuery.size());
    Map<String, Object> per = new LinkedHashMap<>();
    perQuery.forEach(
        (qid, s) ->
            per.put(qid, Map.of("ap", s.ap(), "ndcg@10", s.ndcg10(), "p@10", s.p10(), "hardneg@10", s.hardneg10(), "relevant", s.relevant())));
    out.put("per_query", per);
    return out;
  }

  /** The plain-text form: one line per query, then the means. */
  public String toText() {
    StringBuilder sb = new StringBuilder(String.format("%-8s %7s %8s %7s %11s%n", "qid", "AP", "nDCG@10", "P@10", "hardneg@10"));
    perQuery.forEach(
        (qid, s) -> sb.append(String.format("%-8s %7.4f %8.4f %7.3f %11.3f%n", qid, s.ap(), s.ndcg10(), s.p10(), s.hardneg10())));
    sb.append(String.format("%-8s %7.4f %8.4f %7.3f %11.3f   (%d queries)%n", "mean", map(), ndcg10(), p10(), hardneg10(), perQuery.size()));
    return sb.toString();
  }
}
