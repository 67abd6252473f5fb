package org.cxrsearch.radiology.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StatusTextTest {

  @Test
  void negatedAndUncertainMentionsLeaveTheAffirmedText() {
    String text = "INDICATION: r/o pneumonia. FINDINGS: No pneumothorax. Small left effusion. Possible nodule.";
    StatusText s = StatusText.of(text, FindingExtractor.standard().extract(text));
    assertEquals(text.length(), s.affirmed().length());
    assertFalse(s.affirmed().contains("pneumothorax"));
    assertFalse(s.affirmed().contains("nodule"));
    assertFalse(s.affirmed().contains("pneumonia"));
    assertTrue(s.affirmed().contains("Small left effusion."));
    assertEquals("pneumothorax\n", s.negated());
    assertEquals("pneumonia\nnodule\n", s.uncertain());
  }
}
