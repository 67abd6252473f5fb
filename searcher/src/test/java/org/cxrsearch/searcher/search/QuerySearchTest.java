package org.cxrsearch.searcher.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.search.SearchHit;
import org.cxrsearch.lucene.search.SearchMode;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.InstructionFormat;
import org.cxrsearch.radiology.finding.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search and similar-cases flows on indexes of reports written here, with and without the
 * radiology layer. The vectors are hand-set axes, so every cosine is known; the expectations come
 * from reading the reports.
 */
@Timeout(30)
class QuerySearchTest {

  private static final int DIMS = 4;
  private static final List<ReportDocument> REPORTS = List.of(
      ReportDocument.of("ptx", "Small right apical pneumothorax."),
      ReportDocument.of("noptx", "No pneumothorax after chest tube removal. Lungs are clear."),
      ReportDocument.of("resolved", "The left pneumothorax has resolved."),
      ReportDocument.of("effusion", "Moderate left pleural effusion. No pneumothorax."),
      ReportDocument.of("cardio", "The heart is enlarged. Lungs are clear."));
  /** resolved is 0.8 along ptx and 0.6 along noptx: its vector neighbours are ptx then noptx. */
  private static final float[][] VECTORS = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0.8f, 0.6f, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};

  @TempDir static Path dir;
  static ReportIndex withLayer;
  static ReportIndex withoutLayer;

  @BeforeAll
  static void build() throws Exception {
    EncoderInfo info = new EncoderInfo("fake", ModelFamily.LLM2VEC4CXR, DIMS, "fp", InstructionFormat.LLM2VEC);
    withLayer = open(dir.resolve("with"), info, true);
    withoutLayer = open(dir.resolve("without"), info, false);
  }

  private static ReportIndex open(Path path, EncoderInfo info, boolean layer) throws Exception {
    ReportIndex index = ReportIndex.openForWriting(path, new IndexMetadata(info, "", VectorQuantization.FLOAT),
        IndexSettings.DEFAULTS.withRadiology(layer));
    for (int i = 0; i < REPORTS.size(); i++) {
      index.upsert(REPORTS.get(i), VECTORS[i]);
    }
    index.commit();
    index.refresh();
    return index;
  }

  @AfterAll
  static void close() throws Exception {
    withLayer.close();
    withoutLayer.close();
  }

  /** Records what it was asked to encode and answers with the ptx axis (the vector side prefers ptx). */
  private static final class RecordingEncoder implements QueryEncoder {
    final List<String> calls = new ArrayList<>();

    @Override
    public float[] encode(String instruction, String text) {
      calls.add(instruction + "|" + text);
      return VECTORS[0].clone();
    }
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }

  @Test
  void theLayerPutsTheReportThatAffirmsTheFindingFirstAndDropsThoseThatDenyIt() throws Exception {
    QuerySearch.Request request = QuerySearch.Request.builder(SearchMode.BM25, "pneumothorax").luceneQuery("pneumothorax").facets(true).build();
    QuerySearch.Result on = QuerySearch.open(withLayer, RadiologyLayer.AUTO, null).search(request);
    assertEquals(List.of("ptx"), ids(on.hits())); // noptx, resolved and effusion deny it; cardio does not mention it
    assertTrue(on.understood().describe().startsWith("pneumothorax=present"), on.understood().describe());
    assertEquals(1, on.pool());
    // CheXpert's "no finding" label is absent in a report that affirms any finding
    assertEquals(Map.of("no_finding", Map.of(Status.ABSENT, 1), "pneumothorax", Map.of(Status.PRESENT, 1)), on.facets());

    QuerySearch.Result off = QuerySearch.open(withLayer, RadiologyLayer.OFF, null)
        .search(QuerySearch.Request.builder(SearchMode.BM25, "pneumothorax").luceneQuery("pneumothorax").build());
    assertEquals(List.of("effusion", "noptx", "ptx", "resolved"), ids(off.hits()).stream().sorted().toList());
    assertNull(off.understood());
    assertNull(off.facets());
  }

  @Test
  void aNegatedQueryOutranksTheVectorSide() throws Exception {
    RecordingEncoder encoder = new RecordingEncoder();
    QuerySearch.Result r = QuerySearch.open(withLayer, RadiologyLayer.ON, encoder)
        .search(QuerySearch.Request.builder(SearchMode.HYBRID, "no pneumothorax").build());
    assertFalse(ids(r.hits()).contains("ptx"), ids(r.hits()).toString()); // though the query vector is ptx's own
    assertTrue(List.of("noptx", "resolved", "effusion").contains(r.hits().get(0).id()), ids(r.hits()).toString());
    assertEquals(1, encoder.calls.size());
    assertTrue(encoder.calls.get(0).startsWith("|"), "preset similar: no instruction, got " + encoder.calls);
  }

  @Test
  void theStatusPresetNamesTheUnderstoodFindingAndExplainsEachHit() throws Exception {
    RecordingEncoder encoder = new RecordingEncoder();
    QuerySearch.Result r = new QuerySearch(withLayer, RadiologyLayer.standard(), encoder).search(
        QuerySearch.Request.builder(SearchMode.KNN, "enlarged heart").preset(InstructionPreset.STATUS, null).explain(true).build());
    assertEquals("Determine the change or the status of the cardiomegaly.; ", r.instruction());
    assertTrue(encoder.calls.get(0).startsWith("Determine the change or the status of the cardiomegaly.; |"), encoder.calls.toString());
    assertEquals("cardio", r.hits().get(0).id()); // the layer tiers it first although its vector is orthogonal to the query's
    assertEquals("cardiomegaly: present (asked present) +20.0", r.explanations().get("cardio"));
  }

  @Test
  void errorsNameWhatIsMissing() throws Exception {
    var ex = assertThrows(IllegalArgumentException.class, () -> QuerySearch.open(withoutLayer, RadiologyLayer.ON, null));
    assertTrue(ex.getMessage().contains("built without the radiology layer"), ex.getMessage());
    QuerySearch plain = QuerySearch.open(withoutLayer, RadiologyLayer.AUTO, null);
    assertFalse(plain.layerOn());
    ex = assertThrows(IllegalArgumentException.class,
        () -> plain.search(QuerySearch.Request.builder(SearchMode.BM25, "pneumothorax").facets(true).build()));
    assertTrue(ex.getMessage().startsWith("facets:"), ex.getMessage());
    ex = assertThrows(IllegalArgumentException.class, () -> plain.search(QuerySearch.Request.builder(SearchMode.KNN, "x").build()));
    assertTrue(ex.getMessage().contains("query encoder"), ex.getMessage());
  }

  @Test
  void similarCasesWeighFindingAgreementWithTheLayerAndCosinesWithout() throws Exception {
    SimilarSearch.Result off = SimilarSearch.open(withLayer, RadiologyLayer.OFF).similar("resolved", 2, List.of());
    assertEquals(List.of("ptx", "noptx"), ids(off.hits()));
    assertEquals(0.8, off.hits().get(0).score(), 1e-6);
    assertTrue(off.explanations().isEmpty());

    SimilarSearch.Result on = SimilarSearch.open(withLayer, RadiologyLayer.AUTO).similar("resolved", 4, List.of());
    // resolved denies a pneumothorax: noptx agrees with it, ptx contradicts it, so noptx now leads despite the lower cosine
    assertEquals("noptx", on.hits().get(0).id(), ids(on.hits()).toString());
    assertTrue(on.explanations().get("ptx").contains("conflicting [pneumothorax"), on.explanations().toString());
    assertTrue(on.explanations().get("noptx").endsWith("conflicting []"), on.explanations().toString());
  }
}
