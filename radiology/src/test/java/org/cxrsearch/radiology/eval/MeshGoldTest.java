package org.cxrsearch.radiology.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.lexicon.Lexicon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MeshGoldTest {

  private final MeshGold mesh = new MeshGold(Lexicon.standard());

  @Test
  void headingsAndQualifiedCodesMapToFindings() {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("CXR5", "Pleural Effusion/left/moderate;Lung/hypoinflation/mild;Aorta, Thoracic/tortuous");
    in.put("6", "normal");
    in.put("7", "Cardiomegaly/borderline;Lung/apex;Made Up Heading/left;No Indexing");
    GoldLabels g = mesh.labels(in);
    assertEquals(Set.of("pleural_effusion", "hypoinflation", "tortuous_aorta"), g.positives().get("5"));
    assertEquals(Set.of("no_finding"), g.positives().get("6"));
    assertEquals(Set.of(), g.positives().get("7"));
    assertEquals(Set.of("cardiomegaly"), g.uncertain().get("7"));
    assertEquals(Map.of("Lung", 1, "Made Up Heading", 1), g.unmapped());
  }

  @Test
  void theMeshSchemeCountsOnlyFindingsAReportNames() {
    LabelScheme s = LabelScheme.mesh(Lexicon.standard(), true);
    Set<String> p = s.positives(FindingExtractor.standard().extract("Right lower lobe consolidation."));
    assertEquals(Set.of("consolidation"), p); // not lung_opacity, rolled up
  }
}
