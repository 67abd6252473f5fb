package org.cxrsearch.lucene.radiology;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.cxrsearch.radiology.finding.Status;

/**
 * Counts per finding and status over a result set: how many of the hits affirm, deny or hedge each
 * finding. Built from the hits' stored finding states, so it costs nothing beyond the hits already read.
 */
public final class FindingFacets {

  private FindingFacets() {}

  /** Finding key to status to count, findings sorted by name. */
  public static Map<String, Map<Status, Integer>> count(Collection<Map<String, Status>> hits) {
    Map<String, Map<Status, Integer>> out = new TreeMap<>();
    for (Map<String, Status> h : hits) {
      h.forEach((finding, status) -> out.computeIfAbsent(finding, k -> new TreeMap<>()).merge(status, 1, Integer::sum));
    }
    return out;
  }
}
