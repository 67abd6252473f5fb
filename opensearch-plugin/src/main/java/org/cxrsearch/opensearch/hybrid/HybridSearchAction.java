package org.cxrsearch.opensearch.hybrid;

import org.opensearch.action.ActionType;

/** Hybrid BM25 + KNN search fused on the coordinating node ({@link TransportHybridSearchAction}). */
public final class HybridSearchAction extends ActionType<HybridSearchResponse> {

  public static final String NAME = "indices:data/read/cxr_hybrid";
  public static final HybridSearchAction INSTANCE = new HybridSearchAction();

  private HybridSearchAction() {
    super(NAME, HybridSearchResponse::new);
  }
}
