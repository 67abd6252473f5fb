package org.cxrsearch.radiology.lexicon;

import java.util.List;

/**
 * One finding of the lexicon.
 *
 * @param key lower_snake_case name, as printed and indexed ({@code "pleural_effusion"})
 * @param mesh IU MeSH codes of the finding: a heading ({@code "Cardiomegaly"}) or a heading with one
 *     qualifier ({@code "Lung/hypoinflation"})
 * @param parents broader findings a present or uncertain mention also counts for
 * @param subsumes findings whose mentions a compound mention of this finding replaces inside its span
 * @param related findings a search for this one also looks for (a query for "calcified granuloma" is
 *     served by "granulomatous disease" too); used by query understanding only
 */
public record FindingDefinition(String key, List<String> mesh, List<String> parents, List<String> subsumes, List<String> related) {
  public FindingDefinition {
    mesh = List.copyOf(mesh);
    parents = List.copyOf(parents);
    subsumes = List.copyOf(subsumes);
    related = List.copyOf(related);
  }

  /** The key with spaces for underscores ({@code "pleural effusion"}), for display and query text. */
  public String words() {
    return key.replace('_', ' ');
  }
}
