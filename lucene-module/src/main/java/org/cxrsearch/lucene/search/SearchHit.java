package org.cxrsearch.lucene.search;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cxrsearch.lucene.fuse.PartScore;
import org.cxrsearch.lucene.schema.ReportDocument;

/**
 * One result.
 *
 * @param rank 1-based rank in the final list
 * @param score the final score: BM25, cosine, or the fused score
 * @param bm25 the BM25 score, or {@code null} if BM25 did not run or did not return the report
 * @param knn the cosine to the query, or {@code null} if KNN did not run or did not return it
 * @param parts each part's score, rank and contribution (the explanation)
 * @param method {@code bm25}, {@code knn} or the fusion's description
 * @param report the stored report
 */
public record SearchHit(int rank, double score, Double bm25, Double knn, List<PartScore> parts, String method, ReportDocument report) {

  public SearchHit {
    parts = List.copyOf(parts);
  }

  public String id() {
    return report.id();
  }

  /**
   * A one-line explanation, for example
   * {@code rrf(k=60) = 0.032522: bm25 score 7.1 rank 2 -> 0.016129 + knn score 0.83 rank 1 -> 0.016393}.
   */
  public String explain() {
    String ps =
        parts.stream()
            .map(p -> String.format(Locale.ROOT, "%s score %.6g rank %d -> %.6g", p.part(), p.score(), p.rank(), p.contribution()))
            .collect(Collectors.joining(" + "));
    return String.format(Locale.ROOT, "%s = %.6g: %s", method, score, ps.isEmpty() ? "(no part)" : ps);
  }
}
