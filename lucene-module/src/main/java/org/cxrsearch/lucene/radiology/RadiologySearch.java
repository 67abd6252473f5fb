package org.cxrsearch.lucene.radiology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.radiology.finding.FindingState;
import org.cxrsearch.radiology.finding.ReportFindings;
import org.cxrsearch.radiology.query.QueryFinding;

/**
 * The radiology layer on the query side: understands the query ({@link RadiologyQueries}), puts its
 * BM25 query and exclusion into a {@link SearchRequest}, and explains, per hit, what the query asked
 * and how the hit's findings answered it. Use only on an index built with the layer
 * ({@link #indexHasLayer}); without it the request is left as it is.
 */
public final class RadiologySearch {

  private final RadiologyQueries queries;

  public RadiologySearch(RadiologyQueries queries) {
    this.queries = Objects.requireNonNull(queries, "queries");
  }

  public RadiologyQueries queries() {
    return queries;
  }

  /** Whether the searcher's index was built with the layer (has {@link FindingFields#AFFIRMED}). */
  public static boolean indexHasLayer(org.apache.lucene.search.IndexSearcher searcher) {
    return org.apache.lucene.index.FieldInfos.getMergedFieldInfos(searcher.getIndexReader()).fieldInfo(FindingFields.AFFIRMED) != null;
  }

  /** What {@code queryText} asks, with its Lucene clauses. */
  public RadiologyQuery understand(String queryText) {
    return queries.build(queryText);
  }

  /**
   * Puts an understood query into a request: its BM25 query (the finding clauses around {@code
   * userBm25}, the user's own Lucene query, or around the clinical rewording) and its exclusion. A
   * query without findings and with a user query of its own is left alone.
   */
  public void applyTo(SearchRequest.Builder request, RadiologyQuery rq, Query userBm25) {
    if (!rq.understood().hasFindings() && userBm25 != null) {
      return;
    }
    request.bm25Query(RadiologyQueries.bm25(rq, userBm25)).exclude(rq.exclusion());
  }

  /** Tiers the fused hits by their findings ({@link FindingRerank}) and cuts them to {@code k}. */
  public List<org.cxrsearch.lucene.search.SearchHit> rerank(List<org.cxrsearch.lucene.search.SearchHit> hits, RadiologyQuery rq, int k) {
    return new FindingRerank(queries.analyzer().extractor()).rerank(hits, rq, k);
  }

  /** Counts per finding and status over {@code hits} (read from their text with the extractor). */
  public java.util.Map<String, java.util.Map<org.cxrsearch.radiology.finding.Status, Integer>> facets(
      List<org.cxrsearch.lucene.search.SearchHit> hits) {
    List<java.util.Map<String, org.cxrsearch.radiology.finding.Status>> states = new ArrayList<>();
    for (var h : hits) {
      java.util.Map<String, org.cxrsearch.radiology.finding.Status> m = new java.util.LinkedHashMap<>();
      queries.analyzer().extractor().extract(h.report().text()).states().forEach((key, st) -> m.put(key, st.status()));
      states.add(m);
    }
    return FindingFacets.count(states);
  }

  /** The findings of a hit, for {@link #explain}. */
  public ReportFindings findings(org.cxrsearch.lucene.search.SearchHit hit) {
    return queries.analyzer().extractor().extract(hit.report().text());
  }

  /**
   * One line per hit for {@code --explain}: for each asked finding, the hit's state and the boost it
   * earned, e.g. {@code pneumothorax: present right (asked present left) +20.0}: the sum of the
   * weights of the query's finding clauses ({@link RadiologyQueries#boosts}) that the hit matches.
   */
  public String explain(RadiologyQuery rq, ReportFindings hit) {
    List<String> parts = new ArrayList<>();
    for (QueryFinding f : rq.understood().findings()) {
      FindingState s = hit.states().get(f.finding());
      StringBuilder sb = new StringBuilder(f.finding()).append(": ");
      if (s == null) {
        sb.append("not mentioned");
      } else {
        sb.append(s.status().label());
        if (s.laterality() != null) {
          sb.append(' ').append(s.laterality().label());
        }
        if (s.change() != null) {
          sb.append(' ').append(s.change().label());
        }
      }
      sb.append(" (asked ").append(f.wanted().label());
      if (f.laterality() != null) {
        sb.append(' ').append(f.laterality().label());
      }
      if (f.change() != null) {
        sb.append(' ').append(f.change().label());
      }
      sb.append(')');
      double boost = 0;
      for (FindingBoost b : queries.boosts(f)) { // the clauses the query scored with
        if (b.matches(hit)) {
          boost += b.weight();
          if (!b.finding().equals(f.finding())) {
            sb.append(", related ").append(b.finding()).append(' ').append(b.value());
          }
        }
      }
      sb.append(String.format(Locale.ROOT, " +%.1f", boost));
      parts.add(sb.toString());
    }
    return parts.isEmpty() ? "no finding asked" : String.join(" | ", parts);
  }
}
