package org.cxrsearch.radiology.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CaseJudgementTest {

  @Test
  void headingsAreThePartBeforeTheFirstSlash() {
    assertEquals(Set.of("pleural effusion", "cardiomegaly"), CaseJudgement.headings("Pleural Effusion/left/small;Cardiomegaly/mild;No Indexing"));
  }

  @Test
  void jaccardByHand() {
    assertEquals(1.0 / 3, CaseJudgement.jaccard(Set.of("a", "b"), Set.of("b", "c")), 1e-12);
    assertEquals(0.0, CaseJudgement.jaccard(Set.of(), Set.of()), 1e-12);
  }

  @Test
  void ndcgByHand() {
    // ranked gains 0, 1 against ideal 1, 0: dcg = 1/log2(3), idcg = 1
    assertEquals(1 / (Math.log(3) / Math.log(2)), CaseJudgement.ndcg(List.of(0.0, 1.0), List.of(0.0, 1.0, 0.0), 10), 1e-12);
    assertEquals(1.0, CaseJudgement.ndcg(List.of(0.5, 0.25), List.of(0.25, 0.5), 10), 1e-12);
    assertEquals(0.0, CaseJudgement.ndcg(List.of(0.0), List.of(0.0), 10), 1e-12);
  }
}
