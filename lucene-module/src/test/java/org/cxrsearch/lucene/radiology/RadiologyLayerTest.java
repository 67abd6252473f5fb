package org.cxrsearch.lucene.radiology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.query.FieldFilter;
import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.radiology.extract.FindingExtractor;
import org.cxrsearch.radiology.finding.Status;
import org.cxrsearch.radiology.query.QueryAnalyzer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The radiology layer's fields and queries on a small in-memory index of reports written here. */
@Timeout(30)
class RadiologyLayerTest {

  private static final String[][] REPORTS = {
    {"ptx", "Small right apical pneumothorax. Lungs otherwise clear."},
    {"noptx", "No pneumothorax after chest tube removal. No effusion."},
    {"resolved", "The left pneumothorax has resolved. Heart size is normal."},
    {"maybe", "Possible tiny pneumothorax at the right apex."},
    {"effusion", "Moderate left pleural effusion with adjacent atelectasis."},
    {"cardio", "The heart is enlarged. No pneumothorax or effusion."},
  };

  private Directory dir;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private final RadiologyQueries queries =
      new RadiologyQueries(new QueryAnalyzer(FindingExtractor.standard()), RadiologyQueries.Weights.DEFAULT);

  @BeforeEach
  void index() throws IOException {
    dir = new ByteBuffersDirectory();
    ReportDocumentMapper mapper = new ReportDocumentMapper(2, RadiologyEnricher.standard());
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new ReportAnalyzer()))) {
      for (String[] r : REPORTS) {
        w.addDocument(mapper.toDocument(ReportDocument.of(r[0], r[1]), new float[] {1, 0}));
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    dir.close();
  }

  private List<String> ids(Query q) throws IOException {
    List<String> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(q, 10).scoreDocs) {
      out.add(searcher.storedFields().document(sd.doc).get("id"));
    }
    return out;
  }

  @Test
  void aPlainTermMatchesAffirmedMentionsOnly() throws IOException {
    RadiologyQuery rq = queries.build("pneumothorax");
    // the raw text field matches every report that names it; the layer keeps the one that affirms it first
    assertEquals(5, ids(new Bm25QueryParser().parse("pneumothorax")).size());
    List<String> got = ids(RadiologyQueries.bm25(rq, null));
    assertEquals("ptx", got.get(0));
    assertTrue(!got.contains("noptx") && !got.contains("resolved") && !got.contains("cardio"), got.toString());
  }

  @Test
  void negatedMentionsStaySearchableInTheirOwnField() throws IOException {
    assertEquals(List.of("noptx", "cardio", "resolved").stream().sorted().toList(),
        ids(new Bm25QueryParser(new ReportAnalyzer(), FindingFields.NEGATED).parse("pneumothorax")).stream().sorted().toList());
    assertEquals(List.of("maybe"), ids(new Bm25QueryParser(new ReportAnalyzer(), FindingFields.UNCERTAIN).parse("pneumothorax")));
  }

  @Test
  void aNegatedQueryAsksForAbsence() throws IOException {
    List<String> got = ids(RadiologyQueries.bm25(queries.build("no pneumothorax"), null));
    assertTrue(got.subList(0, 3).containsAll(List.of("noptx", "resolved", "cardio")), got.toString());
    assertTrue(!got.contains("ptx"), got.toString());
  }

  @Test
  void layWordingFindsTheClinicalFinding() throws IOException {
    assertEquals("ptx", ids(RadiologyQueries.bm25(queries.build("collapsed lung"), null)).get(0));
    assertEquals("cardio", ids(RadiologyQueries.bm25(queries.build("enlarged heart"), null)).get(0));
    assertEquals("effusion", ids(RadiologyQueries.bm25(queries.build("fluid around the lung"), null)).get(0));
  }

  @Test
  void sideAndChangeBoostTheMatchingReport() throws IOException {
    RadiologyQuery rq = queries.build("left pneumothorax");
    assertNotNull(rq.exclusion());
    // the only affirmed pneumothorax is right-sided; it still comes first, nothing contradicting is added
    assertEquals("ptx", ids(RadiologyQueries.bm25(rq, null)).get(0));
  }

  @Test
  void findingFieldsAreFilterableKeywords() throws IOException {
    Query f = FieldFilter.parse("finding.pneumothorax=absent").toQuery();
    assertEquals(List.of("noptx", "resolved", "cardio").stream().sorted().toList(), ids(f).stream().sorted().toList());
    assertEquals(List.of("maybe"), ids(FieldFilter.parse("finding.pneumothorax=uncertain").toQuery()));
    assertEquals(List.of("effusion"), ids(FieldFilter.parse("finding.pleural_effusion.laterality=left").toQuery()));
  }

  @Test
  void facetsCountStatusesOverHits() throws IOException {
    List<Map<String, Status>> hits = new ArrayList<>();
    for (int i = 0; i < reader.maxDoc(); i++) {
      Document d = searcher.storedFields().document(i);
      hits.add(StoredFindings.of(d));
    }
    var facets = FindingFacets.count(hits);
    assertEquals(Map.of(Status.PRESENT, 1, Status.ABSENT, 3, Status.UNCERTAIN, 1), facets.get("pneumothorax"));
    assertEquals(Map.of(Status.PRESENT, 1, Status.ABSENT, 2), facets.get("pleural_effusion"));
  }

  @Test
  void aQueryWithoutFindingsHasNoFindingClauses() {
    RadiologyQuery rq = queries.build("comparison with outside films");
    assertTrue(rq.findingBoosts().isEmpty());
    assertNull(rq.exclusion());
  }

  @Test
  void caseAgreementCountsSharedAndConflictingFindings() {
    var a = CaseAgreement.of(
        Map.of("pneumothorax", Status.PRESENT, "pleural_effusion", Status.ABSENT, "cardiomegaly", Status.PRESENT),
        Map.of("pneumothorax", Status.PRESENT, "pleural_effusion", Status.PRESENT, "atelectasis", Status.PRESENT));
    // present in either: pneumothorax, cardiomegaly, pleural_effusion, atelectasis = 4; shared 1; conflicting 1
    assertEquals(0.0, a.score(), 1e-12);
    assertEquals(List.of("pneumothorax"), a.shared());
    assertEquals(List.of("pleural_effusion"), a.conflicting());
    assertEquals(1.0, CaseAgreement.of(Map.of("no_finding", Status.PRESENT), Map.of("no_finding", Status.PRESENT)).score(), 1e-12);
  }

  @Test
  void rerankPutsAffirmedFirstThenUnmentionedThenHedged() {
    RadiologyQuery rq = queries.build("pneumothorax");
    List<org.cxrsearch.lucene.search.SearchHit> fused = new ArrayList<>();
    String[][] docs = {{"maybe", "Possible tiny pneumothorax."}, {"other", "Cardiomegaly."}, {"ptx", "Right pneumothorax."}};
    for (String[] d : docs) {
      fused.add(new org.cxrsearch.lucene.search.SearchHit(fused.size() + 1, 1.0 / (fused.size() + 1), null, null, List.of(), "rrf",
          ReportDocument.of(d[0], d[1])));
    }
    var out = new FindingRerank(FindingExtractor.standard()).rerank(fused, rq, 2);
    assertEquals(List.of("ptx", "other"), out.stream().map(org.cxrsearch.lucene.search.SearchHit::id).toList());
    assertEquals(1, out.get(0).rank());
    // a query without findings keeps the fused order
    var same = new FindingRerank(FindingExtractor.standard()).rerank(fused, queries.build("outside films"), 3);
    assertEquals(List.of("maybe", "other", "ptx"), same.stream().map(org.cxrsearch.lucene.search.SearchHit::id).toList());
  }

  @Test
  void explainSaysWhatWasAskedAndHowAHitAnswered() {
    RadiologySearch search = new RadiologySearch(queries);
    RadiologyQuery rq = queries.build("left pleural effusion");
    String e = search.explain(rq, FindingExtractor.standard().extract("Small left pleural effusion."));
    assertEquals("pleural_effusion: present left (asked present left) +23.0", e);
    assertEquals("pleural_effusion: absent (asked present left) +0.0",
        search.explain(rq, FindingExtractor.standard().extract("No pleural effusion.")));
  }

  /**
   * The boost {@code --explain} reports is what Lucene scored: for every report of the index, the
   * explained sum equals the score of the query's finding clauses on the indexed fields.
   */
  @Test
  void explainedBoostEqualsTheScoreOfTheFindingClauses() throws IOException {
    RadiologySearch search = new RadiologySearch(queries);
    for (String q : List.of("left pneumothorax", "right pneumothorax", "left pleural effusion", "no pneumothorax", "enlarged heart")) {
      RadiologyQuery rq = queries.build(q);
      org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder();
      rq.findingBoosts().forEach(c -> b.add(c, org.apache.lucene.search.BooleanClause.Occur.SHOULD));
      Query clauses = b.build();
      for (String[] r : REPORTS) {
        int doc = searcher.search(new org.apache.lucene.search.TermQuery(org.cxrsearch.lucene.store.ReportIndex.idTerm(r[0])), 1).scoreDocs[0].doc;
        String explained = search.explain(rq, FindingExtractor.standard().extract(r[1]));
        double sum = 0;
        var m = java.util.regex.Pattern.compile(" \\+(\\d+\\.\\d)").matcher(explained);
        while (m.find()) {
          sum += Double.parseDouble(m.group(1));
        }
        assertEquals(searcher.explain(clauses, doc).getValue().doubleValue(), sum, 1e-4, q + " on " + r[0] + ": " + explained);
      }
    }
  }
}
