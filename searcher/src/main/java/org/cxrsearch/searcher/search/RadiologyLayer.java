package org.cxrsearch.searcher.search;

import java.io.IOException;
import org.cxrsearch.lucene.radiology.RadiologyQueries;
import org.cxrsearch.lucene.radiology.RadiologySearch;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.query.QueryAnalyzer;

/**
 * Whether a search uses the radiology layer (findings, negation, side and lay wording steer the
 * ranking). {@link #AUTO} uses it exactly when the index was built with it, so one setting serves
 * indexes with and without the layer's fields.
 */
public enum RadiologyLayer {
  ON,
  OFF,
  AUTO;

  /**
   * The layer to use on {@code index}, or {@code null} when it is off.
   *
   * @throws IllegalArgumentException for {@link #ON} on an index built without the layer
   */
  public RadiologySearch resolve(ReportIndex index) throws IOException {
    if (this == OFF) {
      return null;
    }
    boolean has = index.withSearcher(RadiologySearch::indexHasLayer);
    if (this == ON && !has) {
      throw new IllegalArgumentException("radiology layer on: index " + index.path()
          + " was built without the radiology layer; re-index it with the layer (cxrsearch index --radiology on)");
    }
    return has ? standard() : null;
  }

  /** The layer over the standard lexicon and weights. */
  public static RadiologySearch standard() {
    return new RadiologySearch(new RadiologyQueries(new QueryAnalyzer(FindingExtractor.standard()), RadiologyQueries.Weights.DEFAULT));
  }
}
