package org.cxrsearch.server.es;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.cxrsearch.lucene.fuse.FusedHit;
import org.cxrsearch.lucene.fuse.PartScore;
import org.cxrsearch.lucene.fuse.RankedList;
import org.cxrsearch.lucene.fuse.ReciprocalRankFusion;
import org.cxrsearch.lucene.fuse.ScoredDoc;
import org.cxrsearch.lucene.query.KnnQueryBuilder;
import org.cxrsearch.server.index.ServedIndex;

/**
 * Runs a {@link SearchPlan}'s retriever on one searcher of an index. The pieces are the library's:
 * Lucene queries from {@link QueryDsl}, KNN from {@link KnnQueryBuilder} (filter inside the graph
 * walk, exact rescoring on quantized indexes) and fusion from {@link ReciprocalRankFusion}, the same
 * code {@code cxrsearch search} runs, so both rank the same reports alike.
 *
 * <p>KNN scores are Lucene's (and Elasticsearch's) {@code (1 + cosine) / 2}.
 */
final class SearchExecutor {

  /** Elasticsearch counts hits exactly up to this many ({@code track_total_hits} default). */
  static final int TOTAL_HITS_THRESHOLD = 10_000;

  /** One ranked document; {@code parts} is set for fused hits (explanations). */
  record Ranked(int doc, float score, List<PartScore> parts) {}

  /** The ranking before paging, the total, and whether a time limit cut it short. */
  record Result(List<Ranked> ranked, long total, boolean totalIsLowerBound, boolean timedOut) {}

  private final ServedIndex index;
  private final IndexSearcher searcher;

  /**
   * @param timeoutNanos stop collecting after this long (partial results, {@link Result#timedOut()})
   */
  SearchExecutor(ServedIndex index, IndexSearcher shared, long timeoutNanos) {
    this.index = index;
    // The searcher of the index is shared by every request; a time limit needs one of its own.
    this.searcher = new IndexSearcher(shared.getIndexReader());
    this.searcher.setSimilarity(shared.getSimilarity());
    long deadline = System.nanoTime() + timeoutNanos;
    QueryTimeout timeout = () -> System.nanoTime() - deadline > 0;
    this.searcher.setTimeout(timeout);
  }

  IndexSearcher searcher() {
    return searcher;
  }

  static Query knnQuery(ServedIndex index, Retriever.Knn knn) {
    return new KnnQueryBuilder(index.metadata().quantization()).build(knn.vector(), knn.numCandidates(), knn.filter());
  }

  /** The top {@code n} of {@code retriever}. */
  Result run(Retriever retriever, int n) throws IOException {
    return switch (retriever) {
      case Retriever.Standard s -> standard(s, n);
      case Retriever.Knn k -> knn(k, Math.min(n, k.k()));
      case Retriever.Rrf r -> rrf(r, n);
    };
  }

  private Result standard(Retriever.Standard s, int n) throws IOException {
    Query q = s.filter() == null ? s.query()
        : new BooleanQuery.Builder().add(s.query(), Occur.MUST).add(s.filter(), Occur.FILTER).build();
    TopDocs top = searcher.search(q, new TopScoreDocCollectorManager(Math.max(n, 1), TOTAL_HITS_THRESHOLD));
    List<Ranked> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      if (out.size() < n) {
        out.add(new Ranked(sd.doc, sd.score, null));
      }
    }
    return new Result(out, top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO, searcher.timedOut());
  }

  private Result knn(Retriever.Knn k, int n) throws IOException {
    TopDocs top = searcher.search(knnQuery(index, k), Math.max(k.k(), 1));
    List<Ranked> out = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      if (out.size() < n) {
        out.add(new Ranked(sd.doc, sd.score, null));
      }
    }
    return new Result(out, top.scoreDocs.length, false, searcher.timedOut());
  }

  private Result rrf(Retriever.Rrf r, int n) throws IOException {
    List<RankedList> parts = new ArrayList<>();
    boolean timedOut = false;
    for (int i = 0; i < r.children().size(); i++) {
      Result child = run(r.children().get(i), r.windowSize());
      timedOut |= child.timedOut();
      List<ScoredDoc> docs = child.ranked().stream().map(d -> new ScoredDoc(d.doc(), d.score())).toList();
      parts.add(new RankedList(partName(r.children().get(i), i), r.weights().get(i), docs));
    }
    List<FusedHit> fused = new ReciprocalRankFusion(r.rankConstant()).fuse(parts, r.windowSize());
    List<Ranked> out = new ArrayList<>();
    for (FusedHit h : fused) {
      if (out.size() < n) {
        out.add(new Ranked(h.doc(), (float) h.score(), h.parts()));
      }
    }
    return new Result(out, fused.size(), false, timedOut);
  }

  private static String partName(Retriever r, int i) {
    return switch (r) {
      case Retriever.Standard s -> "standard[" + i + "]";
      case Retriever.Knn k -> "knn[" + i + "]";
      case Retriever.Rrf f -> "rrf[" + i + "]";
    };
  }

  /** Lucene's explanation of a standard or knn hit; the rank arithmetic of a fused one. */
  Explanation explain(Retriever retriever, Ranked hit, int rankConstant) throws IOException {
    if (hit.parts() != null) {
      List<Explanation> details = new ArrayList<>();
      for (PartScore p : hit.parts()) {
        details.add(Explanation.match((float) p.contribution(),
            "rrf score: [" + p.contribution() + "] = 1 / (" + rankConstant + " + rank [" + p.rank() + "]) of " + p.part()
                + " (score " + p.score() + ")"));
      }
      return Explanation.match(hit.score(), "rrf score: sum of [1 / (rank + rank_constant)] over the retrievers that returned the document", details);
    }
    Query q = switch (retriever) {
      case Retriever.Standard s -> s.filter() == null ? s.query()
          : new BooleanQuery.Builder().add(s.query(), Occur.MUST).add(s.filter(), Occur.FILTER).build();
      case Retriever.Knn k -> knnQuery(index, k);
      case Retriever.Rrf r -> throw new IllegalStateException("fused hits carry their parts");
    };
    return searcher.explain(q, hit.doc());
  }
}
