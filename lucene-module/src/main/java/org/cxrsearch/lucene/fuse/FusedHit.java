package org.cxrsearch.lucene.fuse;

import java.util.List;
import java.util.Optional;

/**
 * A document of the fused ranking: its fused score, the sum of {@link PartScore#contribution()}s
 * of the parts that returned it (a part that did not return it contributes nothing).
 *
 * @param doc the Lucene doc id
 * @param score the fused score
 * @param parts the parts that returned the document, in the order the parts were given
 */
public record FusedHit(int doc, double score, List<PartScore> parts) {

  public FusedHit {
    parts = List.copyOf(parts);
  }

  /** The named part's score, if that part returned the document. */
  public Optional<PartScore> part(String name) {
    return parts.stream().filter(p -> p.part().equals(name)).findFirst();
  }
}
