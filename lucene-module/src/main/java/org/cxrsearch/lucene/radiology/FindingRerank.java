package org.cxrsearch.lucene.radiology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.finding.FindingState;
import org.cxrsearch.radiology.finding.ReportFindings;
import org.cxrsearch.radiology.finding.Status;
import org.cxrsearch.radiology.query.QueryFinding;

/**
 * Orders fused hits by how their findings answer the query, keeping the fused order within a tier:
 * first the reports in the asked state of an asked finding (or with a related finding present), then
 * reports that do not mention it, then reports that only hedge it ("possible pneumonia"). Reports that
 * contradict it were excluded by the query ({@link RadiologyQueries}). The vector side is blind to
 * negation and certainty; this is where the finding states decide. A query without findings leaves
 * the order as it is.
 */
public final class FindingRerank {

  private final FindingExtractor extractor;

  public FindingRerank(FindingExtractor extractor) {
    this.extractor = extractor;
  }

  /** The hits reordered by tier, cut to {@code k}, ranks renumbered. */
  public List<SearchHit> rerank(List<SearchHit> hits, RadiologyQuery rq, int k) {
    List<SearchHit> sorted = new ArrayList<>(hits);
    if (rq.understood().hasFindings()) {
      List<Integer> tiers = new ArrayList<>(hits.size());
      for (SearchHit h : hits) {
        tiers.add(tier(extractor.extract(h.report().text()), rq));
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < hits.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingInt(tiers::get)); // stable: fused order within a tier
      sorted.clear();
      for (int i : order) {
        sorted.add(hits.get(i));
      }
    }
    List<SearchHit> out = new ArrayList<>(Math.min(k, sorted.size()));
    for (SearchHit h : sorted.subList(0, Math.min(k, sorted.size()))) {
      out.add(new SearchHit(out.size() + 1, h.score(), h.bm25(), h.knn(), h.parts(), h.method(), h.report()));
    }
    return out;
  }

  /** 0: answers an asked finding; 1: does not mention it; 2: only hedges it. */
  static int tier(ReportFindings f, RadiologyQuery rq) {
    int tier = 1;
    for (QueryFinding q : rq.understood().findings()) {
      FindingState s = f.states().get(q.finding());
      if (s != null && s.status() == q.wanted()) {
        return 0;
      }
      for (String r : q.related()) {
        FindingState rs = f.states().get(r);
        if (q.wanted() == Status.PRESENT && rs != null && rs.status() == Status.PRESENT) {
          return 0;
        }
      }
      if (s != null && s.status() == Status.UNCERTAIN) {
        tier = 2;
      }
    }
    return tier;
  }
}
