package org.cxrsearch.radiology.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cxrsearch.radiology.lexicon.FindingDefinition;
import org.cxrsearch.radiology.lexicon.Lexicon;

/**
 * Turns IU MeSH terms ({@code "Pleural Effusion/left/moderate;Cardiomegaly/borderline"}) into gold
 * finding labels. A term {@code Heading/q1/q2...} matches a finding code {@code Heading/q} when one of
 * its qualifiers is {@code q}, and a code {@code Heading} when the heading is the same (case
 * insensitive); codes with a qualifier are tried first, so {@code Lung/hypoinflation} is hypoinflation,
 * not every finding coded {@code Lung}. A term qualified {@code borderline} is uncertain: the label is
 * left out of scoring for that report. {@code normal} is the {@code no_finding} label; {@code No
 * Indexing} says nothing. Terms matching no code are counted as unmapped.
 */
public final class MeshGold {

  private record Code(String heading, String qualifier, String finding) {}

  private final List<Code> codes = new ArrayList<>();

  public MeshGold(Lexicon lexicon) {
    List<Code> plain = new ArrayList<>();
    for (FindingDefinition d : lexicon.findings().values()) {
      for (String code : d.mesh()) {
        int slash = code.indexOf('/');
        if (slash >= 0) {
          codes.add(new Code(norm(code.substring(0, slash)), norm(code.substring(slash + 1)), d.key()));
        } else {
          plain.add(new Code(norm(code), null, d.key()));
        }
      }
    }
    codes.addAll(plain);
  }

  /** The gold labels of reports given as id to MeSH column. */
  public GoldLabels labels(Map<String, String> meshById) {
    Map<String, Set<String>> pos = new LinkedHashMap<>();
    Map<String, Set<String>> unc = new LinkedHashMap<>();
    Map<String, Integer> unmapped = new LinkedHashMap<>();
    meshById.forEach((id, mesh) -> {
      Set<String> p = new LinkedHashSet<>();
      Set<String> u = new LinkedHashSet<>();
      for (String term : mesh.split(";")) {
        String t = term.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("No Indexing")) {
          continue;
        }
        String[] parts = t.split("/");
        String heading = norm(parts[0]);
        boolean borderline = false;
        List<String> qualifiers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
          String q = norm(parts[i]);
          qualifiers.add(q);
          borderline |= q.equals("borderline");
        }
        String finding = match(heading, qualifiers);
        if (finding == null) {
          unmapped.merge(parts[0].trim(), 1, Integer::sum);
        } else if (borderline) {
          u.add(finding);
        } else {
          p.add(finding);
        }
      }
      u.removeAll(p);
      pos.put(GoldLabels.reportId(id), p);
      if (!u.isEmpty()) {
        unc.put(GoldLabels.reportId(id), u);
      }
    });
    return new GoldLabels(pos, unc, unmapped);
  }

  private String match(String heading, List<String> qualifiers) {
    for (Code c : codes) {
      if (c.heading().equals(heading) && (c.qualifier() == null || qualifiers.contains(c.qualifier()))) {
        return c.finding();
      }
    }
    return null;
  }

  private static String norm(String s) {
    return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
