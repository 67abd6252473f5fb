package org.cxrsearch.radiology.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cxrsearch.radiology.finding.FindingState;
import org.cxrsearch.radiology.finding.ReportFindings;
import org.cxrsearch.radiology.finding.Status;
import org.cxrsearch.radiology.lexicon.FindingDefinition;
import org.cxrsearch.radiology.lexicon.Lexicon;

/**
 * A set of labels a gold standard uses, each defined by the findings that make it positive.
 *
 * @param name the scheme's name, for reports
 * @param labels label to the finding keys any of which, present (or uncertain, when {@code
 *     uncertainIsPositive}), makes the label positive
 * @param uncertainIsPositive whether an uncertain finding counts as a positive label
 * @param directOnly whether only findings the report names count, not those rolled up from narrower ones
 */
public record LabelScheme(String name, Map<String, Set<String>> labels, boolean uncertainIsPositive, boolean directOnly) {

  public LabelScheme {
    Objects.requireNonNull(name, "name");
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    labels.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    labels = Collections.unmodifiableMap(copy);
  }

  /**
   * The 14 ChestX-ray14 labels (Wang et al. 2017) plus {@code normal}, as columns of NegBio's OpenI gold
   * standard ({@code openi_gld_std14.csv}, Peng et al. 2018). That file maps the IU MeSH coding to the
   * labels and counts "borderline" codes as positive, so uncertain findings count as positive here.
   * Its {@code Effusion} is pleural and pericardial effusion.
   */
  public static LabelScheme openI14() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("Atelectasis", Set.of("atelectasis"));
    m.put("Cardiomegaly", Set.of("cardiomegaly"));
    m.put("Effusion", Set.of("pleural_effusion", "pericardial_effusion"));
    m.put("Infiltration", Set.of("infiltration"));
    m.put("Mass", Set.of("mass"));
    m.put("Nodule", Set.of("nodule"));
    m.put("Pneumonia", Set.of("pneumonia"));
    m.put("Pneumothorax", Set.of("pneumothorax"));
    m.put("Consolidation", Set.of("consolidation"));
    m.put("Edema", Set.of("edema"));
    m.put("Emphysema", Set.of("emphysema"));
    m.put("Fibrosis", Set.of("fibrosis"));
    m.put("Pleural_Thickening", Set.of("pleural_thickening"));
    m.put("Hernia", Set.of("hernia"));
    m.put("normal", Set.of("no_finding"));
    return new LabelScheme("openi14", m, false, false);
  }

  /**
   * One label per finding of the lexicon that has MeSH codes: the label is the finding key, and a
   * report's gold labels are the findings whose codes its MeSH terms match ({@link MeshGold}). Only
   * findings the report names count (the coders coded what was written, not its roll-up), and
   * {@code no_finding}.
   */
  public static LabelScheme mesh(Lexicon lexicon, boolean uncertainIsPositive) {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    for (FindingDefinition d : lexicon.findings().values()) {
      if (!d.mesh().isEmpty()) {
        m.put(d.key(), Set.of(d.key()));
      }
    }
    return new LabelScheme("mesh", m, uncertainIsPositive, true);
  }

  /** The labels a report's findings make positive, in scheme order. */
  public Set<String> positives(ReportFindings findings) {
    Set<String> out = new LinkedHashSet<>();
    for (var e : labels.entrySet()) {
      for (String f : e.getValue()) {
        FindingState s = findings.states().get(f);
        if (s != null && (!directOnly || s.mentions() > 0 || f.equals("no_finding")) && (s.status() == Status.PRESENT || (uncertainIsPositive && s.status() == Status.UNCERTAIN))) {
          out.add(e.getKey());
          break;
        }
      }
    }
    return out;
  }

  /** The label names, in order. */
  public List<String> names() {
    return new ArrayList<>(labels.keySet());
  }
}
