package org.cxrsearch.lucene.radiology;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.extract.StatusText;
import org.cxrsearch.radiology.finding.ReportFindings;
import org.cxrsearch.radiology.finding.Status;

/**
 * Similar cases that agree on findings. Candidates are the report's {@link Weights#pool} nearest
 * vectors and its {@link Weights#pool} best BM25 matches on its own affirmed words (reports that
 * share its words, not its negations); each candidate is scored
 * {@code vector * cosine + agreement * CaseAgreement + text * bm25 / best bm25}, where the agreement
 * of finding states ({@link CaseAgreement}) rewards shared present findings and penalises
 * contradictions. Findings are read from the stored text with the extractor, so indexes built without
 * the layer are served too. Thread-safe.
 */
public final class SimilarCases {

  /**
   * @param vector weight of the cosine to the source report
   * @param agreement weight of the finding agreement
   * @param text weight of the normalised BM25 score on the source's affirmed words
   * @param pool candidates taken from each retriever
   */
  public record Weights(double vector, double agreement, double text, int pool) {
    public static final Weights DEFAULT = new Weights(1.0, 2.0, 0.5, 100);
  }

  /**
   * One similar case.
   *
   * @param score the combined score
   * @param cosine cosine to the source
   * @param text normalised BM25 score (0 when only the vector found it)
   * @param agreement shared and conflicting findings
   * @param report the stored report
   */
  public record Case(String id, double score, double cosine, double text, CaseAgreement agreement, ReportDocument report) {}

  private final FindingExtractor extractor;
  private final Weights weights;

  public SimilarCases(FindingExtractor extractor, Weights weights) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  /** The {@code k} cases most similar to report {@code id}, itself excluded. */
  public List<Case> similar(ReportIndex index, String id, int k, List<FieldFilter> filters) throws IOException {
    ReportDocument source = index.get(id).orElseThrow(() -> new IllegalArgumentException("no report with id '" + id + "' in " + index.path()));
    ReportFindings sourceFindings = extractor.extract(source.text());
    Map<String, Status> sourceStates = states(sourceFindings);
    Map<String, Double> cosine = new HashMap<>();
    Map<String, ReportDocument> docs = new LinkedHashMap<>();
    for (SearchHit h : new ReportSearcher(index).similar(id, weights.pool(), filters)) {
      cosine.put(h.id(), h.score());
      docs.put(h.id(), h.report());
    }
    Map<String, Double> text = new HashMap<>();
    if (weights.text() > 0) {
      text = bm25(index, id, StatusText.of(source.text(), sourceFindings).affirmed(), filters, docs);
    }
    float[] sourceVector = index.vector(id).orElse(null);
    for (String other : docs.keySet()) {
      if (!cosine.containsKey(other) && sourceVector != null) { // found by BM25 only: its cosine all the same
        index.vector(other).ifPresent(v -> cosine.put(other, org.cxrsearch.onnx.pool.Vectors.dot(sourceVector, v)));
      }
    }
    List<Case> out = new ArrayList<>(docs.size());
    for (var e : docs.entrySet()) {
      CaseAgreement a = CaseAgreement.of(sourceStates, states(extractor.extract(e.getValue().text())));
      double c = cosine.getOrDefault(e.getKey(), 0.0);
      double t = text.getOrDefault(e.getKey(), 0.0);
      double score = weights.vector() * c + weights.agreement() * a.score() + weights.text() * t;
      out.add(new Case(e.getKey(), score, c, t, a, e.getValue()));
    }
    out.sort(Comparator.comparingDouble(Case::score).reversed().thenComparing(Case::id));
    return out.subList(0, Math.min(k, out.size()));
  }

  private static Map<String, Status> states(ReportFindings f) {
    Map<String, Status> out = new LinkedHashMap<>();
    f.states().forEach((key, s) -> out.put(key, s.status()));
    return out;
  }

  /** BM25 on the source's affirmed words, normalised by the best score; adds unseen reports to {@code docs}. */
  private Map<String, Double> bm25(ReportIndex index, String id, String words, List<FieldFilter> filters, Map<String, ReportDocument> docs)
      throws IOException {
    return index.withSearcher(searcher -> {
      Map<String, Double> out = new HashMap<>();
      String field = hasField(searcher, FindingFields.AFFIRMED) ? FindingFields.AFFIRMED : ReportFields.TEXT;
      if (words.isBlank()) {
        return out;
      }
      Query q;
      try {
        q = new Bm25QueryParser(new ReportAnalyzer(), field).parse(Bm25QueryParser.plainText(words));
      } catch (org.cxrsearch.lucene.query.QuerySyntaxException e) {
        return out; // no searchable word
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, Occur.MUST).add(new TermQuery(ReportIndex.idTerm(id)), Occur.MUST_NOT);
      Query filter = FieldFilter.conjunction(filters);
      if (filter != null) {
        b.add(filter, Occur.FILTER);
      }
      ScoreDoc[] top = searcher.search(b.build(), weights.pool()).scoreDocs;
      double best = top.length == 0 ? 1 : top[0].score;
      var stored = searcher.storedFields();
      for (ScoreDoc sd : top) {
        ReportDocument d = ReportDocumentMapper.fromDocument(stored.document(sd.doc));
        out.put(d.id(), sd.score / best);
        docs.putIfAbsent(d.id(), d);
      }
      return out;
    });
  }

  private static boolean hasField(IndexSearcher searcher, String field) {
    return FieldInfos.getMergedFieldInfos(searcher.getIndexReader()).fieldInfo(field) != null;
  }
}
