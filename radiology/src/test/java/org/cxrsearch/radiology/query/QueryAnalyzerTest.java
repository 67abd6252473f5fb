package org.cxrsearch.radiology.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.finding.Change;
import org.cxrsearch.radiology.finding.Laterality;
import org.cxrsearch.radiology.finding.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class QueryAnalyzerTest {

  private final QueryAnalyzer analyzer = new QueryAnalyzer(FindingExtractor.standard());

  private QueryFinding only(String q) {
    UnderstoodQuery u = analyzer.analyze(q);
    assertEquals(1, u.findings().size(), u.describe());
    return u.findings().get(0);
  }

  @Test
  void aPlainFindingAsksForPresence() {
    QueryFinding f = only("pneumothorax");
    assertEquals("pneumothorax", f.finding());
    assertEquals(Status.PRESENT, f.wanted());
  }

  @Test
  void aNegatedFindingAsksForAbsence() {
    assertEquals(Status.ABSENT, only("no pneumothorax").wanted());
    assertEquals(Status.ABSENT, only("without pleural effusion").wanted());
  }

  @Test
  void sideLocationAndChangeAreRead() {
    QueryFinding f = only("new left lower lobe consolidation");
    assertEquals(Laterality.LEFT, f.laterality());
    assertEquals("lower lobe", f.location());
    assertEquals(Change.NEW, f.change());
    assertEquals(Laterality.LEFT, only("LLL consolidation").laterality());
  }

  @Test
  void layWordsAndAbbreviationsBecomeClinicalNames() {
    for (var c : List.of(
        List.of("collapsed lung", "pneumothorax"), List.of("fluid around the lung", "pleural_effusion"),
        List.of("enlarged heart", "cardiomegaly"), List.of("broken rib", "fracture"), List.of("water on the lungs", "edema"),
        List.of("ptx", "pneumothorax"), List.of("chf", "heart_failure"), List.of("s/p CABG", "surgical_instruments"))) {
      assertEquals(c.get(1), only(c.get(0)).finding(), c.get(0));
    }
    assertEquals("small pneumothorax on the left", analyzer.analyze("small collapsed lung on the left").clinicalText());
  }

  @Test
  void aNormalStudyQueryAsksForNoFindingPresent() {
    QueryFinding f = only("no acute cardiopulmonary abnormality");
    assertEquals(FindingExtractor.NO_FINDING, f.finding());
    assertEquals(Status.PRESENT, f.wanted());
  }

  @Test
  void relatedFindingsComeFromTheLexicon() {
    assertTrue(only("calcified granuloma").related().contains("granulomatous_disease"));
  }

  @Test
  void aQueryWithoutFindingsSaysSo() {
    UnderstoodQuery u = analyzer.analyze("old films from another hospital");
    assertFalse(u.hasFindings());
    assertTrue(u.describe().startsWith("no finding named"));
  }
}
