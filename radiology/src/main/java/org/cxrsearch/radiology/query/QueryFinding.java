package org.cxrsearch.radiology.query;

import java.util.List;
import java.util.Objects;
import org.cxrsearch.radiology.finding.Change;
import org.cxrsearch.radiology.finding.Laterality;
import org.cxrsearch.radiology.finding.Status;

/**
 * One finding a query asks about.
 *
 * @param finding the finding key
 * @param wanted the status asked for: "pneumothorax" asks for present, "no pneumothorax" for absent
 * @param laterality the side asked for, or {@code null}
 * @param location the place asked for, or {@code null}
 * @param change the change asked for, or {@code null}
 * @param words the query words that named it ({@code "collapsed lung"})
 * @param related findings that also answer it ({@link org.cxrsearch.radiology.lexicon.FindingDefinition#related})
 */
public record QueryFinding(String finding, Status wanted, Laterality laterality, String location, Change change, String words, List<String> related) {
  public QueryFinding {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(wanted, "wanted");
    related = List.copyOf(related);
  }
}
