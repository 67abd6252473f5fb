package org.cxrsearch.radiology.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SectionParserTest {

  private final SectionParser parser = new SectionParser();

  @Test
  void headersOnTheirOwnLinesOrInlineCutSections() {
    String r = "CLINICAL HISTORY: cough, r/o pneumonia.\nComparison: none\nTECHNIQUE: PA and lateral.\n"
        + "FINDINGS: Small left effusion.\nIMPRESSION:\n1. Small left effusion.";
    List<Section> s = parser.parse(r);
    assertEquals(List.of(SectionKind.INDICATION, SectionKind.COMPARISON, SectionKind.TECHNIQUE, SectionKind.FINDINGS, SectionKind.IMPRESSION),
        s.stream().map(Section::kind).toList());
    assertEquals("cough, r/o pneumonia.", s.get(0).text());
    assertEquals("Small left effusion.", s.get(3).text());
    assertEquals("1. Small left effusion.", s.get(4).text());
    assertEquals(r.indexOf("Small left"), s.get(3).start());
  }

  @Test
  void aHeaderAfterASentenceOnTheSameLineIsFound() {
    List<Section> s = parser.parse("Findings: Lungs clear. Impression: Normal chest.");
    assertEquals(List.of(SectionKind.FINDINGS, SectionKind.IMPRESSION), s.stream().map(Section::kind).toList());
    assertEquals("Normal chest.", s.get(1).text());
  }

  @Test
  void textWithoutHeadersIsOneTextSection() {
    List<Section> s = parser.parse("  The heart is normal in size. Findings are stable.  ");
    assertEquals(1, s.size());
    assertEquals(SectionKind.TEXT, s.get(0).kind());
    assertEquals("The heart is normal in size. Findings are stable.", s.get(0).text());
  }

  @Test
  void textBeforeTheFirstHeaderIsKeptAndEmptySectionsDropped() {
    List<Section> s = parser.parse("Chest, two views.\nFINDINGS:\nIMPRESSION: No acute disease.");
    assertEquals(List.of(SectionKind.TEXT, SectionKind.IMPRESSION), s.stream().map(Section::kind).toList());
  }

  @Test
  void onlyTheObservationSectionsCount() {
    assertEquals(false, SectionKind.INDICATION.countsAsObservation());
    assertEquals(true, SectionKind.IMPRESSION.countsAsObservation());
  }
}
