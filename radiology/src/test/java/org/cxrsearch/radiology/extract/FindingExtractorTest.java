package org.cxrsearch.radiology.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cxrsearch.radiology.finding.Change;
import org.cxrsearch.radiology.finding.FindingState;
import org.cxrsearch.radiology.finding.Laterality;
import org.cxrsearch.radiology.finding.ReportFindings;
import org.cxrsearch.radiology.finding.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every rule family on sentences written for this test (no report from any data set). */
@Timeout(10)
class FindingExtractorTest {

  private static final FindingExtractor X = FindingExtractor.standard();

  private static Status status(String text, String finding) {
    return X.extract(text).status(finding);
  }

  private static FindingState state(String text, String finding) {
    return X.extract(text).states().get(finding);
  }

  @Nested
  class Negation {
    @Test
    void preTriggersNegateWhatFollows() {
      assertEquals(Status.ABSENT, status("No pneumothorax.", "pneumothorax"));
      assertEquals(Status.ABSENT, status("There is no evidence of pleural effusion.", "pleural_effusion"));
      assertEquals(Status.ABSENT, status("Negative for focal consolidation.", "consolidation"));
      assertEquals(Status.ABSENT, status("Lungs are free of edema.", "edema"));
    }

    @Test
    void theScopeCoversAListOfFindings() {
      String s = "No focal consolidation, pleural effusion, or pneumothorax.";
      assertEquals(Status.ABSENT, status(s, "consolidation"));
      assertEquals(Status.ABSENT, status(s, "pleural_effusion"));
      assertEquals(Status.ABSENT, status(s, "pneumothorax"));
    }

    @Test
    void postTriggersNegateWhatPrecedes() {
      assertEquals(Status.ABSENT, status("A pneumothorax is not seen.", "pneumothorax"));
      assertEquals(Status.ABSENT, status("Effusion has resolved.", "pleural_effusion"));
      assertEquals(Status.ABSENT, status("Pneumonia unlikely.", "pneumonia"));
    }

    @Test
    void aPostTriggerReachesOnlyAFewWordsBack() {
      assertEquals(Status.PRESENT, status("Small left pleural effusion with adjacent basilar opacity and a small nodule not seen before.", "pleural_effusion"));
    }

    @Test
    void terminationEndsTheScope() {
      String s = "No pneumothorax but there is a small right effusion.";
      assertEquals(Status.ABSENT, status(s, "pneumothorax"));
      assertEquals(Status.PRESENT, status(s, "pleural_effusion"));
      assertEquals(Status.PRESENT, status("No edema; moderate cardiomegaly.", "cardiomegaly"));
      assertEquals(Status.PRESENT, status("No effusion, however a nodule projects over the left apex.", "nodule"));
    }

    @Test
    void theScopeDoesNotCrossSentences() {
      assertEquals(Status.PRESENT, status("No pneumothorax. Atelectasis at the right base.", "atelectasis"));
    }

    @Test
    void pseudoTriggersAndChangeWordsAreNotNegations() {
      // "no change" and "no increase" are change words (NegEx pseudo-triggers), not negations
      FindingState s = state("No change in the small left effusion.", "pleural_effusion");
      assertEquals(Status.PRESENT, s.status());
      assertEquals(Change.UNCHANGED, s.change());
      assertEquals(Status.PRESENT, status("Not only cardiomegaly but also edema.", "cardiomegaly"));
    }

    @Test
    void aNegatedHedgeIsANegation() {
      assertEquals(Status.ABSENT, status("No focal opacity to suggest pneumonia.", "pneumonia"));
      assertEquals(Status.ABSENT, status("No definite pleural effusion.", "pleural_effusion"));
    }
  }

  @Nested
  class Uncertainty {
    @Test
    void hedgesBeforeMakeAFindingUncertain() {
      assertEquals(Status.UNCERTAIN, status("Basilar opacity may represent atelectasis.", "atelectasis"));
      assertEquals(Status.UNCERTAIN, status("Findings are suspicious for pneumonia.", "pneumonia"));
      assertEquals(Status.UNCERTAIN, status("Possible small nodule in the right apex.", "nodule"));
    }

    @Test
    void hedgesAfterMakeAFindingUncertain() {
      assertEquals(Status.UNCERTAIN, status("A small pneumothorax cannot be excluded.", "pneumothorax"));
      assertEquals(Status.UNCERTAIN, status("Early edema is not excluded.", "edema"));
    }

    @Test
    void theNearestTriggerDecides() {
      String s = "Possible atelectasis, no effusion.";
      assertEquals(Status.UNCERTAIN, status(s, "atelectasis"));
      assertEquals(Status.ABSENT, status(s, "pleural_effusion"));
    }
  }

  @Nested
  class Compounds {
    @Test
    void anAirFluidLevelIsAHydropneumothoraxOnlyNextToPleuralWords() {
      assertEquals(Status.PRESENT, status("Right pleural effusion with air fluid level.", "hydropneumothorax"));
      assertEquals(Status.PRESENT, status("Right pleural air-fluid level.", "pneumothorax")); // its parent
      String hernia = "Retrocardiac soft tissue density containing an air-fluid level. Moderate-sized hiatal hernia.";
      assertNull(status(hernia, "hydropneumothorax"));
      assertNull(status(hernia, "pneumothorax"));
    }

    @Test
    void anAnchorAndAModifierNameAFindingInEitherOrder() {
      assertEquals(Status.PRESENT, status("The heart is mildly enlarged.", "cardiomegaly"));
      assertEquals(Status.PRESENT, status("Enlarged cardiac silhouette.", "cardiomegaly"));
      assertEquals(Status.PRESENT, status("Lung volumes are low.", "hypoinflation"));
      assertEquals(Status.PRESENT, status("Blunting of the left costophrenic angle.", "blunted_costophrenic_angle"));
      assertEquals(Status.PRESENT, status("The descending aorta is tortuous.", "tortuous_aorta"));
      assertEquals(Status.PRESENT, status("The right hemidiaphragm is elevated.", "elevated_diaphragm"));
    }

    @Test
    void normalStatementsAreNegativeEvidence() {
      assertEquals(Status.ABSENT, status("Heart size is normal.", "cardiomegaly"));
      assertEquals(Status.ABSENT, status("The cardiac silhouette is within normal limits.", "cardiomegaly"));
      assertEquals(Status.ABSENT, status("The heart is not enlarged.", "cardiomegaly"));
      assertEquals(Status.UNCERTAIN, status("Heart size is at the upper limits of normal.", "cardiomegaly"));
    }

    @Test
    void theNearestModifierWins() {
      String s = "Normal heart size, enlarged mediastinum.";
      assertEquals(Status.ABSENT, status(s, "cardiomegaly"));
      assertEquals(Status.PRESENT, status(s, "enlarged_cardiomediastinum"));
    }

    @Test
    void aCompoundReplacesTheNarrowerMentionsItSpans() {
      ReportFindings r = X.extract("The granuloma in the left apex is calcified.");
      assertEquals(Status.PRESENT, r.status("calcified_granuloma"));
      assertNull(r.status("granuloma"));
      assertNull(r.status("calcinosis"));
    }

    @Test
    void modifiersDoNotPairAcrossAClauseBoundary() {
      assertNull(status("Heart size stable; enlarged lymph nodes.", "cardiomegaly"));
    }
  }

  @Nested
  class Attributes {
    @Test
    void sideBeforeOrAfterTheMention() {
      assertEquals(Laterality.LEFT, state("Small left pleural effusion.", "pleural_effusion").laterality());
      assertEquals(Laterality.RIGHT, state("There is an effusion on the right.", "pleural_effusion").laterality());
      assertEquals(Laterality.BILATERAL, state("Bilateral pleural effusions.", "pleural_effusion").laterality());
      assertEquals(Laterality.BILATERAL, state("Bibasilar atelectasis.", "atelectasis").laterality());
    }

    @Test
    void sidesOfSeveralMentionsMerge() {
      assertEquals(Laterality.BILATERAL, state("Left effusion. Right effusion is also present.", "pleural_effusion").laterality());
    }

    @Test
    void abbreviatedLobesGiveSideAndLocation() {
      FindingState s = state("LLL consolidation.", "consolidation");
      assertEquals(Laterality.LEFT, s.laterality());
      assertEquals("lower lobe", s.location());
      assertEquals("base", state("Atelectasis at the right base.", "atelectasis").location());
    }

    @Test
    void noSideWhenNoneIsStated() {
      assertNull(state("Mild pulmonary edema.", "edema").laterality());
    }

    @Test
    void changeWords() {
      assertEquals(Change.NEW, state("New right upper lobe consolidation.", "consolidation").change());
      assertEquals(Change.INCREASED, state("Increasing left effusion.", "pleural_effusion").change());
      assertEquals(Change.DECREASED, state("The pneumothorax has decreased in size.", "pneumothorax").change());
      assertEquals(Change.UNCHANGED, state("Stable cardiomegaly.", "cardiomegaly").change());
    }

    @Test
    void aResolvedFindingIsAbsent() {
      FindingState s = state("Interval resolution of the right pneumothorax.", "pneumothorax");
      assertEquals(Status.ABSENT, s.status());
      assertEquals(Change.RESOLVED, s.change());
      assertEquals(Status.ABSENT, status("The effusion is no longer seen.", "pleural_effusion"));
    }

    @Test
    void aFindingWordIsNotItsOwnChange() {
      assertNull(state("Decreased lung volumes.", "hypoinflation").change());
    }
  }

  @Nested
  class Report {
    @Test
    void theIndicationIsAQuestionNotAnObservation() {
      ReportFindings r = X.extract("INDICATION: Fever, evaluate for pneumonia.\nFINDINGS: Lungs are clear.");
      assertNull(r.status("pneumonia"));
      assertEquals(1, r.mentions().size());
      assertEquals(Status.PRESENT, r.status(FindingExtractor.NO_FINDING));
    }

    @Test
    void presentAnywhereWinsOverAbsentElsewhere() {
      ReportFindings r = X.extract("FINDINGS: No effusion on the right. Small left effusion.\nIMPRESSION: Small left pleural effusion.");
      FindingState s = r.states().get("pleural_effusion");
      assertEquals(Status.PRESENT, s.status());
      assertEquals(Laterality.LEFT, s.laterality());
      assertEquals(3, s.mentions());
    }

    @Test
    void presentFindingsRollUpToTheirParentsAndAbsentOnesDoNot() {
      ReportFindings r = X.extract("Right lower lobe consolidation. A 1 cm nodule in the left apex. No pneumothorax.");
      assertEquals(Status.PRESENT, r.status("lung_opacity"));
      assertEquals(Status.PRESENT, r.status("lung_lesion"));
      assertEquals(0, r.states().get("lung_lesion").mentions());
      assertEquals(Status.ABSENT, r.status(FindingExtractor.NO_FINDING));
      ReportFindings n = X.extract("No pneumothorax.");
      assertNull(n.status("lung_opacity"));
      assertEquals(Status.PRESENT, n.status(FindingExtractor.NO_FINDING));
    }

    @Test
    void devicesAloneLeaveAStudyNormal() {
      ReportFindings r = X.extract("Right PICC line with tip in the SVC. Lungs are clear.");
      assertEquals(Status.PRESENT, r.status("indwelling_catheter"));
      assertEquals(Status.PRESENT, r.status("support_devices"));
      assertEquals(Status.PRESENT, r.status(FindingExtractor.NO_FINDING));
    }

    @Test
    void layWordingIsUnderstood() {
      assertTrue(X.extract("Collapsed lung on the left.").isPresent("pneumothorax"));
      assertTrue(X.extract("Fluid around the lung.").isPresent("pleural_effusion"));
      assertTrue(X.extract("Broken rib.").isPresent("fracture"));
      assertFalse(X.extract("No broken ribs.").isPresent("fracture"));
    }

    @Test
    void mentionOffsetsPointAtTheWords() {
      String text = "FINDINGS: Moderate cardiomegaly.";
      var m = X.extract(text).mentions().get(0);
      assertEquals("cardiomegaly", text.substring(m.start(), m.end()));
    }
  }
}
