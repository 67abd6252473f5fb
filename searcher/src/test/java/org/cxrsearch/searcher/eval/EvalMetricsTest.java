package org.cxrsearch.searcher.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalMetricsTest {

  private static final double EPS = 1e-9;

  /** a, c, e relevant; b a hard negative; d dropped; e never retrieved; x unjudged. */
  private static final Map<String, Integer> JUDGED = Map.of("a", 1, "b", 0, "c", 1, "d", -1, "e", 1);

  @Test
  void scoresMatchHandComputedValues() {
    // After dropping d the ranking is b a x c: relevant at ranks 2 and 4.
    QueryScores s = QueryScores.score(List.of("d", "b", "a", "x", "c"), JUDGED);
    assertEquals((1.0 / 2 + 2.0 / 4) / 3, s.ap(), EPS);
    double dcg = 1 / log2(3) + 1 / log2(5);
    double idcg = 1 + 1 / log2(3) + 1 / log2(4);
    assertEquals(dcg / idcg, s.ndcg10(), EPS);
    assertEquals(0.49819, s.ndcg10(), 1e-5);
    assertEquals(0.2, s.p10(), EPS);
    assertEquals(0.1, s.hardneg10(), EPS);
    assertEquals(3, s.relevant());
  }

  @Test
  void onlyTheTopTenCountForTheCutoffMeasures() {
    // 10 unjudged reports, then a relevant one and a hard negative: outside the top 10.
    List<String> ranking = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ranking.add("u" + i);
    }
    ranking.add("a");
    ranking.add("b");
    QueryScores s = QueryScores.score(ranking, Map.of("a", 1, "b", 0));
    assertEquals(1.0 / 11, s.ap(), EPS);
    assertEquals(0, s.ndcg10(), EPS);
    assertEquals(0, s.p10(), EPS);
    assertEquals(0, s.hardneg10(), EPS);
  }

  @Test
  void perfectRankingScoresOne() {
    QueryScores s = QueryScores.score(List.of("a", "c", "e", "b"), JUDGED);
    assertEquals(1, s.ap(), EPS);
    assertEquals(1, s.ndcg10(), EPS);
  }

  @Test
  void queriesWithoutRelevantReportsAreNotAveragedAndMissingRunsScoreZero() {
    assertNull(QueryScores.score(List.of("a"), Map.of("a", 0, "b", -1)));
    Qrels qrels = new Qrels(Map.of("Q1", JUDGED, "Q2", Map.of("a", 0), "Q3", Map.of("z", 1)));
    EvalReport r = EvalReport.score(Map.of("Q1", List.of("a", "c", "e")), qrels);
    assertEquals(List.of("Q1", "Q3"), List.copyOf(r.perQuery().keySet()));
    assertEquals(0.5, r.map(), EPS); // (1 + 0) / 2
    assertEquals(0.15, r.p10(), EPS); // (0.3 + 0) / 2
  }

  @Test
  void readsTheIuTsvFormatsAndWritesTheRunFormat(@TempDir Path dir) throws IOException {
    Path qrelsFile = dir.resolve("qrels.tsv");
    Files.writeString(qrelsFile, "qid\tuid\tgrade\nF01\t15\t0\nF01\t41\t1\nF02\t15\t-1\n");
    Qrels qrels = Qrels.read(qrelsFile);
    assertEquals(Map.of("15", 0, "41", 1), qrels.of("F01"));
    assertEquals(Map.of("15", -1), qrels.of("F02"));

    Path queries = dir.resolve("q.tsv");
    Files.writeString(queries, "qid\tquery\talt_query\nF01\tpleural effusion\tfluid in the pleural space\n");
    assertEquals(List.of(new EvalQuery("F01", "fluid in the pleural space")), EvalQuery.read(queries, "alt_query"));

    Path run = dir.resolve("run.tsv");
    RunFile.write(run, Map.of("F01", List.of("41", "15")));
    assertEquals(List.of("qid\tuid\trank", "F01\t41\t1", "F01\t15\t2"), Files.readAllLines(run));
  }

  @Test
  void readsTrecQrelsWithoutAHeader(@TempDir Path dir) throws IOException {
    Path four = dir.resolve("qrels.trec");
    Files.writeString(four, "F01 0 15 0\nF01\t0\t41\t1\n\nF02  0  15  -1\n");
    Qrels q4 = Qrels.read(four);
    assertEquals(Map.of("15", 0, "41", 1), q4.of("F01"));
    assertEquals(Map.of("15", -1), q4.of("F02"));

    Path three = dir.resolve("qrels3.txt");
    Files.writeString(three, "F01 15 0\nF01 41 1\nF02 15 -1\n");
    assertEquals(q4, Qrels.read(three));

    Path mixed = dir.resolve("mixed.txt");
    Files.writeString(mixed, "F01 0 15 0\nF01 41 1\n");
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Qrels.read(mixed));
    assertEquals(mixed + ":2: expected 4 whitespace-separated fields as on the first line, found 3", e.getMessage());

    Path badGrade = dir.resolve("bad.txt");
    Files.writeString(badGrade, "F01 0 15 yes\n");
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Qrels.read(badGrade));
    assertEquals(badGrade + ":1: grade is not an integer: yes", e.getMessage());
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
