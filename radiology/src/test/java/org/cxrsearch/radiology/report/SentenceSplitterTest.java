package org.cxrsearch.radiology.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SentenceSplitterTest {

  private static List<String> split(String text) {
    return new SentenceSplitter().split(new Section(SectionKind.TEXT, null, 0, text.length(), text)).stream().map(Sentence::text).toList();
  }

  @Test
  void sentencesEndAtPeriodsBeforeCapitals() {
    assertEquals(List.of("Heart is enlarged.", "No effusion!", "Is there air?"), split("Heart is enlarged. No effusion! Is there air?"));
  }

  @Test
  void decimalsAndAbbreviationsDoNotEndASentence() {
    assertEquals(List.of("Nodule measures approx. 1.5 cm in the RUL, d/w Dr. Patel at 3 pm.", "Stable."),
        split("Nodule measures approx. 1.5 cm in the RUL, d/w Dr. Patel at 3 pm. Stable."));
    assertEquals(List.of("Patient is s/p CABG vs. valve repair."), split("Patient is s/p CABG vs. valve repair."));
  }

  @Test
  void aLowerCaseContinuationIsNotANewSentence() {
    assertEquals(List.of("Opacity, e.g. pneumonia, at the base."), split("Opacity, e.g. pneumonia, at the base."));
  }

  @Test
  void numberedItemsAreSentencesWithoutTheirMarkers() {
    assertEquals(List.of("Left effusion.", "Cardiomegaly.", "No pneumothorax."),
        split("1. Left effusion. 2. Cardiomegaly.\n3. No pneumothorax."));
    assertEquals(List.of("Left effusion", "Mild cardiomegaly"), split("1. Left effusion 2. Mild cardiomegaly"));
    assertEquals(List.of("Left effusion", "Atelectasis"), split("1) Left effusion\n2) Atelectasis"));
  }

  @Test
  void bulletsAndBlankLinesSeparate() {
    assertEquals(List.of("Effusion", "Atelectasis", "Clear apices"), split("- Effusion\n- Atelectasis\n\nClear apices"));
  }

  @Test
  void offsetsPointIntoTheReport() {
    String body = "1. Left effusion. 2. Cardiomegaly.";
    Section s = new Section(SectionKind.IMPRESSION, "IMPRESSION", 100, 100 + body.length(), body);
    List<Sentence> out = new SentenceSplitter().split(s);
    assertEquals(103, out.get(1 - 1).start());
    assertEquals(100 + body.indexOf("Cardiomegaly"), out.get(1).start());
    assertEquals(SectionKind.IMPRESSION, out.get(1).section());
  }
}
