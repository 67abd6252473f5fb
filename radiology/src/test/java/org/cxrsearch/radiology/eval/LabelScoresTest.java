package org.cxrsearch.radiology.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LabelScoresTest {

  private static final LabelScheme AB = new LabelScheme("ab", Map.of("A", Set.of("a"), "B", Set.of("b")), false, false);

  @Test
  void countsAndAveragesMatchAHandComputation() {
    // r1: gold {A}, pred {A, B}; r2: gold {A, B}, pred {}; r3: gold {}, pred {B}
    GoldLabels gold = new GoldLabels(Map.of("r1", Set.of("A"), "r2", Set.of("A", "B"), "r3", Set.of()), Map.of(), Map.of());
    Map<String, Set<String>> pred = Map.of("r1", Set.of("A", "B"), "r2", Set.of(), "r3", Set.of("B"), "unknown", Set.of("A"));
    LabelScores s = LabelScores.score(AB, gold, pred, null);
    assertEquals(3, s.reports());
    assertEquals(new LabelScores.Counts(1, 0, 1), s.perLabel().get("A"));
    assertEquals(new LabelScores.Counts(0, 2, 1), s.perLabel().get("B"));
    // micro: tp 1, fp 2, fn 2 -> P 1/3, R 1/3, F1 1/3
    assertEquals(1.0 / 3, s.micro().precision(), 1e-12);
    assertEquals(1.0 / 3, s.micro().f1(), 1e-12);
    // macro: A has P 1, R 1/2, F1 2/3; B has F1 0 -> 1/3
    assertEquals(1.0 / 3, s.macroF1(), 1e-12);
  }

  @Test
  void uncertainGoldLabelsAndIdsOutsideTheSelectionAreNotScored() {
    GoldLabels gold = new GoldLabels(Map.of("r1", Set.of(), "r2", Set.of("A")), Map.of("r1", Set.of("A")), Map.of());
    Map<String, Set<String>> pred = Map.of("r1", Set.of("A"), "r2", Set.of("A"));
    assertEquals(new LabelScores.Counts(1, 0, 0), LabelScores.score(AB, gold, pred, null).perLabel().get("A"));
    assertEquals(new LabelScores.Counts(0, 0, 0), LabelScores.score(AB, gold, pred, Set.of("r1")).perLabel().get("A"));
  }

  @Test
  void binaryColumnsReduceCxrIdsToUids() {
    String[] header = {"filename", "Atelectasis", "Effusion"};
    GoldLabels g = GoldLabels.fromBinaryColumns(header, List.of(new String[] {"CXR12", "1", "0"}, new String[] {"CXR7", "0", "0"}));
    assertEquals(Set.of("Atelectasis"), g.positives().get("12"));
    assertEquals(Set.of(), g.positives().get("7"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GoldLabels.fromBinaryColumns(header, List.<String[]>of(new String[] {"CXR1", "1", "yes"})));
    assertEquals("row 2, column 'Effusion': expected 0 or 1, got 'yes'", e.getMessage());
  }

  @Test
  void theOpenISchemeCountsPleuralAndPericardialEffusion() {
    FindingExtractor x = FindingExtractor.standard();
    LabelScheme s = LabelScheme.openI14();
    assertEquals(Set.of("Effusion"), s.positives(x.extract("Moderate pericardial effusion.")));
    assertEquals(Set.of("normal"), s.positives(x.extract("No pleural effusion.")));
  }
}
