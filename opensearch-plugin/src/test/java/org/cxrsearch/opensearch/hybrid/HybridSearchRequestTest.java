package org.cxrsearch.opensearch.hybrid;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;
import org.cxrsearch.searcher.search.InstructionPreset;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The REST body of {@code _cxr_hybrid}: defaults, presets, errors, and the transport round trip. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HybridSearchRequestTest {

  private static HybridSearchRequest parse(String body) throws Exception {
    try (XContentParser p = JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY,
        DeprecationHandler.THROW_UNSUPPORTED_OPERATION, body)) {
      return HybridSearchRequest.fromXContent(new String[] {"reports"}, p);
    }
  }

  @Test
  void defaultsAreTheStandaloneSearchersAndTheBm25SideSearchesTheWords() throws Exception {
    HybridSearchRequest r = parse("{\"query_text\": \"IMPRESSION: s/p CABG AND effusion\"}");
    assertEquals(10, r.k);
    assertEquals(100, r.depth);
    assertEquals(60, r.rrfK);
    assertEquals("", r.instruction, "preset similar: no instruction");
    // Operators and syntax characters are escaped: the words are searched, as `cxrsearch search --mode hybrid` does.
    assertEquals("IMPRESSION\\: s\\/p CABG \\AND effusion", r.bm25Query);
  }

  @Test
  void statusPresetNamesTheFinding() throws Exception {
    HybridSearchRequest r = parse("{\"query_text\": \"small effusion\", \"preset\": \"status\", \"finding\": \"pleural effusion\"}");
    assertEquals(InstructionPreset.STATUS.instruction("pleural effusion"), r.instruction);
  }

  @Test
  void errorsNameTheParameter() throws Exception {
    var unknown = assertThrows(ParsingException.class, () -> parse("{\"query_text\": \"x\", \"kk\": 3}"));
    assertTrue(unknown.getMessage().contains("[kk]"), unknown.getMessage());
    var missing = assertThrows(ParsingException.class, () -> parse("{\"k\": 3}"));
    assertTrue(missing.getMessage().contains("[query_text]"), missing.getMessage());
    var preset = assertThrows(IllegalArgumentException.class, () -> parse("{\"query_text\": \"x\", \"preset\": \"nope\"}"));
    assertTrue(preset.getMessage().contains("unknown preset [nope]"), preset.getMessage());
    assertNotNull(parse("{\"query_text\": \"x\", \"k\": 0}").validate(), "k 0 is refused");
  }

  @Test
  void travelsBetweenNodesUnchanged() throws Exception {
    HybridSearchRequest r = parse("{\"query_text\": \"edema\", \"bm25_query\": \"+edema -effusion\", \"k\": 5, \"depth\": 50,"
        + " \"rrf_k\": 10, \"bm25_weight\": 0.5, \"knn_weight\": 2, \"num_candidates\": 300}");
    BytesStreamOutput out = new BytesStreamOutput();
    r.writeTo(out);
    HybridSearchRequest back = new HybridSearchRequest(out.bytes().streamInput());
    assertArrayEquals(r.indices(), back.indices());
    assertEquals(r.queryText, back.queryText);
    assertEquals("+edema -effusion", back.bm25Query);
    assertEquals(5, back.k);
    assertEquals(50, back.depth);
    assertEquals(10, back.rrfK);
    assertEquals(0.5, back.bm25Weight);
    assertEquals(2, back.knnWeight);
    assertEquals(300, back.numCandidates);
  }
}
