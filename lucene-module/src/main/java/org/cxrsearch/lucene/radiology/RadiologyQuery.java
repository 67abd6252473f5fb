package org.cxrsearch.lucene.radiology;

import java.util.List;
import org.apache.lucene.search.Query;
import org.cxrsearch.radiology.query.UnderstoodQuery;

/**
 * The Lucene side of an understood query.
 *
 * @param understood what the query asks
 * @param text the BM25 text part over the affirmed text and present-finding names, or {@code null} when no word survives analysis
 * @param findingBoosts the scoring clauses on finding fields (one per asked or related finding, side and change)
 * @param exclusion documents that contradict every asked finding ("no pneumothorax" for a
 *     pneumothorax query), removed from both retrievers; {@code null} when there is nothing to exclude
 * @param knnText the text to encode for the vector side (the clinical wording)
 */
public record RadiologyQuery(UnderstoodQuery understood, Query text, List<Query> findingBoosts, Query exclusion, String knnText) {
  public RadiologyQuery {
    findingBoosts = List.copyOf(findingBoosts);
  }
}
