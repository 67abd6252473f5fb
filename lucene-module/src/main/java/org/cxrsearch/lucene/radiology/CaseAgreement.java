package org.cxrsearch.lucene.radiology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cxrsearch.radiology.finding.Status;

/**
 * How far two reports agree on their findings: shared present findings count for, findings one
 * affirms and the other denies count against, over the findings either affirms (a Jaccard index with a
 * penalty for contradictions). Two normal studies share {@code no_finding} and agree fully.
 *
 * @param score {@code (shared - conflicting) / |present in either|}, in [-1, 1]; 0 when neither affirms anything
 * @param shared findings both affirm
 * @param conflicting findings one affirms and the other denies
 */
public record CaseAgreement(double score, List<String> shared, List<String> conflicting) {

  public CaseAgreement {
    shared = List.copyOf(shared);
    conflicting = List.copyOf(conflicting);
  }

  public static CaseAgreement of(Map<String, Status> source, Map<String, Status> candidate) {
    Set<String> union = new HashSet<>();
    List<String> shared = new ArrayList<>();
    List<String> conflicting = new ArrayList<>();
    source.forEach((f, s) -> {
      Status c = candidate.get(f);
      if (s == Status.PRESENT) {
        union.add(f);
        if (c == Status.PRESENT) {
          shared.add(f);
        } else if (c == Status.ABSENT) {
          conflicting.add(f);
        }
      } else if (s == Status.ABSENT && c == Status.PRESENT) {
        conflicting.add(f);
      }
    });
    candidate.forEach((f, c) -> {
      if (c == Status.PRESENT) {
        union.add(f);
      }
    });
    double score = union.isEmpty() ? 0 : (shared.size() - conflicting.size()) / (double) union.size();
    return new CaseAgreement(score, shared, conflicting);
  }
}
