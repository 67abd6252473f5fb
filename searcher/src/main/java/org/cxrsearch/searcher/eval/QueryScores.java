package org.cxrsearch.searcher.eval;

import java.util.List;
import java.util.Map;

/**
 * The measures of one query's ranking, with the definitions of the project's reference scorer
 * ({@code tools/eval/iu_eval.py}):
 *
 * <ul>
 *   <li>reports graded {@link Qrels#DROPPED} are removed from the ranking first;
 *   <li>{@code ap}: average precision over the whole returned ranking, divided by the number of
 *       relevant reports (relevant reports never retrieved count as precision 0);
 *   <li>{@code ndcg@10}: binary gain (1 for relevant), log2 discount {@code 1/log2(rank+1)}, ideal
 *       DCG over all relevant reports (Järvelin &amp; Kekäläinen, TOIS 2002);
 *   <li>{@code p@10}: relevant reports in the top 10, over 10;
 *   <li>{@code hardneg@10}: hard negatives (grade 0) in the top 10, over 10.
 * </ul>
 *
 * @param relevant number of relevant reports judged for the query
 */
public record QueryScores(double ap, double ndcg10, double p10, double hardneg10, int relevant) {

  private static final int CUTOFF = 10;

  /**
   * Scores one ranking.
   *
   * @param ranking report ids, best first
   * @param judgements report id to grade; unjudged reports are non-relevant
   * @return the scores, or {@code null} when the query has no relevant report (it is not averaged)
   */
  public static QueryScores score(List<String> ranking, Map<String, Integer> judgements) {
    int relevant = (int) judgements.values().stream().filter(g -> g == Qrels.RELEVANT).count();
    if (relevant == 0) {
      return null;
    }
    List<String> ranked = ranking.stream().filter(u -> !Integer.valueOf(Qrels.DROPPED).equals(judgements.get(u))).toList();
    double apSum = 0;
    int hits = 0;
    double dcg = 0;
    int relevantInTop = 0;
    int hardNegatives = 0;
    for (int i = 0; i < ranked.size(); i++) {
      Integer grade = judgements.get(ranked.get(i));
      boolean isRelevant = grade != null && grade == Qrels.RELEVANT;
      if (isRelevant) {
        hits++;
        apSum += (double) hits / (i + 1);
      }
      if (i < CUTOFF) {
        if (isRelevant) {
          dcg += discount(i);
          relevantInTop++;
        } else if (grade != null && grade == Qrels.HARD_NEGATIVE) {
          hardNegatives++;
        }
      }
    }
    double idcg = 0;
    for (int i = 0; i < Math.min(CUTOFF, relevant); i++) {
      idcg += discount(i);
    }
    return new QueryScores(
        apSum / relevant, dcg / idcg, (double) relevantInTop / CUTOFF, (double) hardNegatives / CUTOFF, relevant);
  }

  /** {@code 1 / log2(i + 2)} for the 0-based position {@code i}. */
  private static double discount(int i) {
    return 1.0 / (Math.log(i + 2) / Math.log(2));
  }
}
