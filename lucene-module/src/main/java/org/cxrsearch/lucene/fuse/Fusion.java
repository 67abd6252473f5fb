package org.cxrsearch.lucene.fuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges ranked lists into one ranking: every part gives each of its hits an unweighted
 * contribution ({@link #contributions}), the part's weight scales it, and a document's fused score
 * is the sum over the parts that returned it. Ties are broken by doc id, so results are
 * deterministic.
 */
public interface Fusion {

  /** Unweighted contribution of each hit of {@code part}, in the list's order. */
  double[] contributions(RankedList part);

  /** A short description for logs and explanations, such as {@code rrf(k=60)}. */
  String describe();

  /** The top {@code k} documents of the fused ranking, best first. */
  default List<FusedHit> fuse(List<RankedList> parts, int k) {
    Map<Integer, List<PartScore>> byDoc = new LinkedHashMap<>();
    for (RankedList part : parts) {
      double[] c = contributions(part);
      for (int i = 0; i < c.length; i++) {
        ScoredDoc hit = part.hits().get(i);
        byDoc.computeIfAbsent(hit.doc(), d -> new ArrayList<>())
            .add(new PartScore(part.name(), hit.score(), i + 1, part.weight() * c[i]));
      }
    }
    List<FusedHit> fused = new ArrayList<>(byDoc.size());
    byDoc.forEach((doc, ps) -> fused.add(new FusedHit(doc, ps.stream().mapToDouble(PartScore::contribution).sum(), ps)));
    fused.sort(Comparator.comparingDouble(FusedHit::score).reversed().thenComparingInt(FusedHit::doc));
    return fused.subList(0, Math.min(k, fused.size()));
  }
}
