package org.cxrsearch.radiology.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.finding.Mention;
import org.cxrsearch.radiology.finding.Status;
import org.cxrsearch.radiology.lexicon.FindingDefinition;

/**
 * Reads a search query the way the extractor reads a report sentence: the same lexicon (so lay
 * wording such as "collapsed lung", "water on the lungs", "enlarged heart", "broken rib" and
 * abbreviations such as "ptx", "chf", "LLL", "s/p CABG" are understood) and the same NegEx/ConText
 * rules, so "no pneumothorax" asks for absence, "left effusion" for a side, "new consolidation" for a
 * change. A query asking for a normal study ("no acute cardiopulmonary abnormality") asks for
 * {@code no_finding} present whatever its negation words.
 *
 * <p>Duplicates are merged (the first mention of a finding wins). Thread-safe.
 */
public final class QueryAnalyzer {

  private final FindingExtractor extractor;

  public QueryAnalyzer(FindingExtractor extractor) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
  }

  public FindingExtractor extractor() {
    return extractor;
  }

  public UnderstoodQuery analyze(String query) {
    Objects.requireNonNull(query, "query");
    List<Mention> mentions = extractor.mentions(query);
    List<QueryFinding> findings = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    StringBuilder clinical = new StringBuilder();
    int last = 0;
    for (Mention m : mentions) {
      FindingDefinition def = extractor.lexicon().finding(m.finding());
      boolean normal = m.finding().equals(FindingExtractor.NO_FINDING);
      if (seen.add(m.finding())) {
        findings.add(new QueryFinding(m.finding(), normal ? Status.PRESENT : m.status(), m.laterality(), m.location(), m.change(),
            query.substring(m.start(), m.end()), def.related()));
      }
      if (m.start() >= last) {
        clinical.append(query, last, m.start()).append(normal ? query.substring(m.start(), m.end()) : def.words());
        last = m.end();
      }
    }
    clinical.append(query.substring(last));
    return new UnderstoodQuery(query, clinical.toString().strip().replaceAll("(?i)\\b(\\w+)(\\s+\\1\\b)+", "$1"), findings);
  }
}
