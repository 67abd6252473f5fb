package org.cxrsearch.opensearch.hybrid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cxrsearch.lucene.fuse.FusedHit;
import org.cxrsearch.lucene.fuse.RankedList;
import org.cxrsearch.lucene.fuse.ReciprocalRankFusion;
import org.cxrsearch.lucene.fuse.ScoredDoc;
import org.cxrsearch.lucene.query.KnnQueryBuilder;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.opensearch.query.CxrBm25QueryBuilder;
import org.cxrsearch.opensearch.query.CxrKnnQueryBuilder;
import org.cxrsearch.opensearch.query.QueryEncoder;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.SearchType;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;
import org.opensearch.transport.client.Client;

/**
 * Hybrid search that is correct across shards: the coordinating node runs two ordinary searches,
 * each ranking the whole index (BM25 with {@code dfs_query_then_fetch}, so term statistics are the
 * index's and not the shard's; {@code cxr_knn}, whose cosines need no global statistics), and fuses
 * the two global rankings with lucene-module's {@link ReciprocalRankFusion}, the code the standalone
 * {@link ReportSearcher} fuses with. Fusing per shard instead would rank by shard-local ranks and
 * differ from the single index whenever the shards split the top hits unevenly.
 */
public final class TransportHybridSearchAction extends HandledTransportAction<HybridSearchRequest, HybridSearchResponse> {

  private final Client client;
  private final QueryEncoder encoder;

  @Inject
  public TransportHybridSearchAction(TransportService transport, ActionFilters filters, Client client, QueryEncoder encoder) {
    super(HybridSearchAction.NAME, transport, filters, HybridSearchRequest::new);
    this.client = client;
    this.encoder = encoder;
  }

  @Override
  protected void doExecute(Task task, HybridSearchRequest r, ActionListener<HybridSearchResponse> listener) {
    long start = System.nanoTime();
    QueryBuilder bm25 = new CxrBm25QueryBuilder(r.bm25Query, r.textField);
    if (r.filter != null) {
      bm25 = new BoolQueryBuilder().must(bm25).filter(r.filter);
    }
    SearchRequest bm25Search = new SearchRequest(r.indices()).searchType(SearchType.DFS_QUERY_THEN_FETCH)
        .source(new SearchSourceBuilder().query(bm25).size(r.depth).fetchSource(false));
    SearchRequest knnSearch = new SearchRequest(r.indices()).source(new SearchSourceBuilder()
        .query(new CxrKnnQueryBuilder(r.vectorField, r.queryText, r.instruction, r.depth, r.numCandidates, r.filter, encoder))
        .size(r.depth).fetchSource(false));
    client.search(bm25Search, ActionListener.wrap(
        bm25Hits -> client.search(knnSearch, ActionListener.wrap(
            knnHits -> listener.onResponse(fuse(r, bm25Hits, knnHits, (System.nanoTime() - start) / 1_000_000)),
            listener::onFailure)),
        listener::onFailure));
  }

  private static HybridSearchResponse fuse(HybridSearchRequest r, SearchResponse bm25, SearchResponse knn, long tookMillis) {
    Ordinals docs = new Ordinals();
    RankedList bm25Part = new RankedList(ReportSearcher.BM25, r.bm25Weight, docs.scored(bm25, false));
    RankedList knnPart = new RankedList(ReportSearcher.KNN, r.knnWeight, docs.scored(knn, true));
    ReciprocalRankFusion rrf = new ReciprocalRankFusion(r.rrfK);
    List<HybridSearchResponse.Hit> hits = new ArrayList<>();
    for (FusedHit h : rrf.fuse(List.of(bm25Part, knnPart), r.k)) {
      SearchHit hit = docs.hits.get(h.doc());
      hits.add(new HybridSearchResponse.Hit(hit.getIndex(), hit.getId(), h.score(), h.parts()));
    }
    return new HybridSearchResponse(tookMillis, rrf.describe(), hits);
  }

  /** Numbers the hits of both searches by (index, id): the fusion's document keys. */
  private static final class Ordinals {
    final List<SearchHit> hits = new ArrayList<>();
    final Map<String, Integer> byKey = new HashMap<>();

    List<ScoredDoc> scored(SearchResponse response, boolean cosine) {
      List<ScoredDoc> out = new ArrayList<>();
      for (SearchHit hit : response.getHits().getHits()) {
        int doc = byKey.computeIfAbsent(hit.getIndex() + '\u0000' + hit.getId(), key -> {
          hits.add(hit);
          return hits.size() - 1;
        });
        out.add(new ScoredDoc(doc, cosine ? KnnQueryBuilder.cosine(hit.getScore()) : hit.getScore()));
      }
      return out;
    }
  }
}
