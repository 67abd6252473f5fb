package org.cxrsearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The REST surface over plain HTTP: shapes, status codes and the errors Elasticsearch gives. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RestApiTest {

  private TestServer s;

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    s = TestServer.start(data);
    String bulk = """
        {"index":{"_index":"rx","_id":"a1"}}
        {"findings":"Small left pleural effusions. No pneumothorax.","impression":"Small left effusion.","patient_id":"P1","study_date":"2024-01-05","view":"PA"}
        {"index":{"_index":"rx","_id":"a/2"}}
        {"text":"Heart size normal. Lungs clear.","patient_id":"P2","study_date":"2024-02-10","view":"AP"}
        {"index":{"_index":"rx","_id":"a3"}}
        {"text":"Large right pleural effusion with adjacent atelectasis.","patient_id":"P1","study_date":"2024-03-15","view":"PA"}
        """;
    TestServer.Reply r = s.send("POST", "/_bulk?refresh=true", bulk);
    assertEquals(200, r.status(), r.body());
    assertFalse(r.json().get("errors").asBoolean(), r.body());
  }

  @AfterAll
  void stop() throws Exception {
    s.close();
  }

  private JsonNode search(String body) throws Exception {
    TestServer.Reply r = s.send("POST", "/rx/_search", body);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static List<String> ids(JsonNode res) {
    List<String> out = new ArrayList<>();
    res.at("/hits/hits").forEach(h -> out.add(h.get("_id").asText()));
    return out;
  }

  @Test
  void highlightMarksTheAnalysedQueryTermsInTheStoredText() throws Exception {
    JsonNode res = search("{\"query\":{\"match\":{\"findings\":\"effusion\"}},\"highlight\":{\"fields\":{\"findings\":{}}}}");
    assertEquals(List.of("a1"), ids(res));
    String fragment = res.at("/hits/hits/0/highlight/findings/0").asText();
    assertTrue(fragment.contains("<em>effusions</em>"), fragment); // stemmed match marked as written
    assertFalse(fragment.contains("<em>No</em>"), fragment);
  }

  @Test
  void explainAndSourceFiltering() throws Exception {
    JsonNode res = search("{\"query\":{\"match\":{\"text\":\"pleural\"}},\"explain\":true,\"_source\":[\"patient_*\"]}");
    JsonNode hit = res.at("/hits/hits/0");
    assertEquals(hit.get("_score").floatValue(), hit.at("/_explanation/value").floatValue(), 1e-6);
    assertTrue(hit.at("/_explanation/description").asText().contains("weight(text:pleural"), hit.toString());
    assertEquals(List.of("patient_id"), iterator(hit.get("_source")));
    assertFalse(search("{\"_source\":false}").at("/hits/hits/0").has("_source"));
  }

  private static List<String> iterator(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void termsOnIdMultiMatchQueryStringAndRanges() throws Exception {
    assertEquals(List.of("a/2", "a3"), sorted(ids(search("{\"query\":{\"terms\":{\"_id\":[\"a/2\",\"a3\",\"zz\"]}}}"))));
    assertEquals(List.of("a1", "a3"), sorted(ids(search("{\"query\":{\"term\":{\"patient_id\":\"P1\"}}}"))));
    assertEquals(List.of("a1", "a3"), sorted(ids(search("{\"query\":{\"term\":{\"view\":\"PA\"}}}"))));
    assertEquals(List.of("a1"), ids(search("{\"query\":{\"multi_match\":{\"query\":\"small effusion\",\"fields\":[\"impression^2\",\"findings\"]}}}")));
    assertEquals(List.of("a3"), ids(search("{\"query\":{\"query_string\":{\"query\":\"pleural AND NOT small\"}}}")));
    assertEquals(List.of("a/2", "a3"), sorted(ids(search("{\"query\":{\"range\":{\"study_date\":{\"gt\":\"2024-01-05\"}}}}"))));
    assertEquals(List.of("a3"), ids(search("{\"query\":{\"match_phrase\":{\"text\":\"right pleural effusion\"}}}")));
    assertEquals(List.of("a3"), ids(search("{\"query\":{\"bool\":{\"must\":{\"match\":{\"text\":\"effusion\"}},\"must_not\":{\"term\":{\"_id\":\"a1\"}}}}}")));
    assertEquals(1, s.get("/rx/_count?q=atelectasis").json().get("count").asInt());
    TestServer.Reply get = s.get("/rx/_doc/a%2F2");
    assertEquals(200, get.status(), get.body());
    assertEquals("P2", get.json().at("/_source/patient_id").asText());
  }

  private static List<String> sorted(List<String> l) {
    return l.stream().sorted().toList();
  }

  @Test
  void unsupportedOrMalformedRequestsAre400sNamingThePart() throws Exception {
    assertError(s.send("POST", "/rx/_search", "{\"query\":{\"fuzzy\":{\"text\":\"efusion\"}}}"), 400, "parsing_exception", "fuzzy");
    assertError(s.send("POST", "/rx/_search", "{\"aggs\":{\"x\":{\"terms\":{\"field\":\"view\"}}}}"), 400, "parsing_exception", "aggs");
    assertError(s.send("POST", "/rx/_search", "{\"query\":{\"match\":{\"text\":{\"query\":\"x\",\"fuzziness\":2}}}}"), 400, "parsing_exception", "fuzziness");
    assertError(s.send("POST", "/rx/_search", "{\"query\":{\"query_string\":{\"query\":\"(effusion\"}}}"), 400, "query_shard_exception", "column");
    assertError(s.send("POST", "/rx/_search", "{\"query\": {"), 400, "x_content_parse_exception", "request body");
    assertError(s.send("POST", "/rx/_search", "{\"query\":{\"range\":{\"study_date\":{\"gte\":\"last week\"}}}}"), 400, "parse_exception", "study_date");
    assertError(s.send("POST", "/rx/_search", "{\"knn\":{\"field\":\"vector\",\"k\":3,\"query_vector\":[1,2,3]}}"), 400, "illegal_argument_exception", "dimensions");
    assertError(s.send("POST", "/rx/_search", "{\"knn\":{\"field\":\"embedding\",\"k\":3,\"query_vector_builder\":{\"text_embedding\":{\"model_text\":\"x\"}}}}"),
        400, "illegal_argument_exception", "vector field");
    assertError(s.send("POST", "/nosuch/_search", "{}"), 404, "index_not_found_exception", "nosuch");
    assertError(s.send("PUT", "/rx2", "{\"settings\":{\"number_of_shards\":3}}"), 400, "illegal_argument_exception", "number_of_shards");
    assertError(s.send("PUT", "/rx2", "{\"mappings\":{\"properties\":{\"study_date\":{\"type\":\"keyword\"}}}}"), 400,
        "illegal_argument_exception", "study_date");
    assertError(s.send("PUT", "/rx2", "{\"mappings\":{\"properties\":{\"vector\":{\"type\":\"dense_vector\",\"dims\":768}}}}"), 400,
        "illegal_argument_exception", "768");
    assertError(s.send("PUT", "/rx3", "{\"settings\":{\"index.cxr.model\":\"no/such/dir\"}}"), 400,
        "illegal_argument_exception", "index.cxr.model");
    assertEquals(404, s.send("HEAD", "/rx3", null).status(), "nothing is left of the refused index");
    // a real model directory on this machine is still refused: only the operator's models are served
    String tiny = java.nio.file.Path.of(System.getProperty("cxr.testdata"), "llm2vec4cxr-tiny", "onnx").toString().replace("\\", "\\\\");
    assertError(s.send("PUT", "/rx4", "{\"settings\":{\"index.cxr.model\":\"" + tiny + "\"}}"), 400,
        "illegal_argument_exception", "is not served here");
    assertEquals(404, s.send("HEAD", "/rx4", null).status(), "nothing is left of the refused index");
    // deep nesting is refused by the parser, not a stack overflow
    String deep = "{\"query\":" + "{\"bool\":{\"must\":".repeat(200) + "{\"match_all\":{}}" + "}}".repeat(200) + "}";
    assertEquals(400, s.send("POST", "/rx/_search", deep).status());
  }

  @Test
  void oddHighlightTagsTimeoutsAndNumbersAre400s() throws Exception {
    String match = "\"query\":{\"match\":{\"findings\":\"effusion\"}}";
    assertError(s.send("POST", "/rx/_search", "{" + match + ",\"highlight\":{\"fields\":{\"findings\":{}},\"pre_tags\":[]}}"),
        400, "illegal_argument_exception", "pre_tags");
    assertError(s.send("POST", "/rx/_search", "{" + match + ",\"highlight\":{\"fields\":{\"findings\":{}},\"post_tags\":[1]}}"),
        400, "illegal_argument_exception", "post_tags");
    assertError(s.send("POST", "/rx/_search", "{" + match + ",\"highlight\":{\"fields\":{\"findings\":{}},\"fragment_size\":-1}}"),
        400, "illegal_argument_exception", "fragment_size");
    assertError(s.send("POST", "/rx/_search", "{" + match + ",\"timeout\":\"99999999999999999999s\"}"),
        400, "illegal_argument_exception", "timeout");
    assertError(s.send("POST", "/rx/_search", "{" + match + ",\"timeout\":\"999999999999999d\"}"),
        400, "illegal_argument_exception", "timeout");
    assertError(s.send("POST", "/rx/_search", "{" + match + ",\"size\":\"ten\"}"), 400, "parsing_exception", "size");
    assertError(s.send("POST", "/rx/_search", "{" + match + ",\"from\":1.5}"), 400, "parsing_exception", "from");
    assertError(s.send("POST", "/rx/_search", "{\"knn\":{\"field\":\"vector\",\"k\":\"x\",\"query_vector_builder\":"
        + "{\"text_embedding\":{\"model_text\":\"effusion\"}}}}"), 400, "parsing_exception", "knn.k");
    assertEquals(1, search("{" + match + ",\"size\":\"1\"}").at("/hits/hits").size(), "a numeric string is an integer, as in Elasticsearch");
    // Elasticsearch also takes a single tag as a string
    JsonNode res = search("{" + match + ",\"highlight\":{\"fields\":{\"findings\":{}},\"pre_tags\":\"<b>\",\"post_tags\":[\"</b>\"]}}");
    assertTrue(res.at("/hits/hits/0/highlight/findings/0").asText().contains("<b>effusions</b>"), res.toString());
  }

  private static void assertError(TestServer.Reply r, int status, String type, String mention) {
    assertEquals(status, r.status(), r.body());
    assertEquals(type, r.json().at("/error/type").asText(), r.body());
    assertTrue(r.json().at("/error/reason").asText().contains(mention), r.body());
    assertEquals(status, r.json().get("status").asInt());
    assertFalse(r.body().contains("at org."), "no stack trace: " + r.body());
  }

  @Test
  void bulkReportsEachItemsOutcome() throws Exception {
    String bulk = """
        {"index":{"_id":"b1"}}
        {"text":"Mild cardiomegaly."}
        {"index":{"_id":"b2"}}
        {"study_date":"2024-01-01"}
        {"create":{"_id":"a1"}}
        {"text":"duplicate"}
        {"update":{"_id":"b1"}}
        {"doc":{"text":"x"}}
        {"delete":{"_id":"b1"}}
        {"delete":{"_id":"never"}}
        {"index":{"_id":"b3"}}
        {"text":"Bad date.","study_date":"yesterday"}
        """;
    TestServer.Reply r = s.send("POST", "/rx/_bulk", bulk);
    assertEquals(200, r.status(), r.body());
    JsonNode items = r.json().get("items");
    assertTrue(r.json().get("errors").asBoolean());
    assertEquals(7, items.size());
    assertEquals(201, items.at("/0/index/status").asInt());
    assertEquals(400, items.at("/1/index/status").asInt());
    assertTrue(items.at("/1/index/error/reason").asText().contains("missing text"), items.toString());
    assertEquals(409, items.at("/2/create/status").asInt());
    assertEquals(400, items.at("/3/update/status").asInt());
    assertEquals(200, items.at("/4/delete/status").asInt()); // the pending b1 is written, then deleted
    assertEquals(404, items.at("/5/delete/status").asInt());
    assertEquals(400, items.at("/6/index/status").asInt());
    assertTrue(items.at("/6/index/error/reason").asText().contains("study_date"), items.toString());
    assertEquals(404, s.get("/rx/_doc/b1").status());
  }

  @Test
  void bulkSeesWritesOfEarlierRequestsNotYetRefreshed() throws Exception {
    // Words no other test searches for; e1 is written last, so no later call refreshes the reader.
    assertEquals(201, s.send("PUT", "/rx/_doc/e2", "{\"text\":\"Calcified granuloma.\"}").status());
    assertEquals(201, s.send("PUT", "/rx/_doc/e1", "{\"text\":\"Granuloma unchanged.\"}").status());
    String bulk = """
        {"index":{"_id":"e1"}}
        {"text":"Granuloma stable."}
        {"delete":{"_id":"e2"}}
        {"delete":{"_id":"e2"}}
        {"create":{"_id":"e2"}}
        {"text":"Calcified granulomas."}
        {"index":{"_id":"e3"}}
        {"text":"Degenerative spine."}
        {"index":{"_id":"e3"}}
        {"text":"Degenerative thoracic spine."}
        """;
    JsonNode items = s.send("POST", "/rx/_bulk", bulk).json().get("items");
    assertEquals(200, items.at("/0/index/status").asInt(), items.toString()); // e1 existed: updated
    assertEquals("updated", items.at("/0/index/result").asText());
    assertEquals(200, items.at("/1/delete/status").asInt(), items.toString()); // e2 existed: deleted
    assertEquals(404, items.at("/2/delete/status").asInt(), items.toString()); // already deleted by item 1
    assertEquals(201, items.at("/3/create/status").asInt(), items.toString());
    assertEquals(201, items.at("/4/index/status").asInt(), items.toString());
    assertEquals(200, items.at("/5/index/status").asInt(), items.toString());
    String cleanup = "{\"delete\":{\"_id\":\"e1\"}}\n{\"delete\":{\"_id\":\"e2\"}}\n{\"delete\":{\"_id\":\"e3\"}}\n";
    assertFalse(s.send("POST", "/rx/_bulk?refresh=true", cleanup).json().get("errors").asBoolean()); // other tests' hits stay as they were
  }

  @Test
  void indexInfoCatAndCxrExtensions() throws Exception {
    TestServer.Reply info = s.get("/rx");
    assertEquals("dense_vector", info.json().at("/rx/mappings/properties/vector/type").asText());
    assertEquals(384, info.json().at("/rx/mappings/properties/vector/dims").asInt());
    JsonNode cat = s.get("/_cat/indices?format=json").json();
    assertEquals("rx", cat.get(0).get("index").asText());
    assertTrue(s.get("/_cat/indices?v").body().startsWith("health status index"));
    JsonNode stats = s.get("/rx/_cxr/stats").json();
    assertEquals("all-minilm-l6-v2-q", stats.at("/model/name").asText());
    assertEquals(384, stats.at("/model/dimensions").asInt());
    JsonNode similar = s.get("/rx/_cxr/similar/a1?k=2").json();
    assertEquals(2, similar.at("/hits/hits").size());
    assertFalse(ids(similar).contains("a1"), "itself excluded");
    assertEquals(404, s.get("/rx/_cxr/similar/nope").status());
  }

  @Test
  void documentLifecycleStatusCodes() throws Exception {
    assertEquals(201, s.send("PUT", "/rx/_doc/c1", "{\"text\":\"Tiny apical pneumothorax.\"}").status());
    assertEquals(200, s.send("PUT", "/rx/_doc/c1", "{\"text\":\"Resolved pneumothorax.\"}").status());
    assertEquals("Resolved pneumothorax.", s.get("/rx/_doc/c1").json().at("/_source/text").asText()); // real-time get
    assertEquals(409, s.send("PUT", "/rx/_create/c1", "{\"text\":\"again\"}").status());
    assertEquals(400, s.send("PUT", "/rx/_doc/c2", "{\"text\":\"x\",\"vector\":[1,2]}").status());
    assertEquals(200, s.send("HEAD", "/rx/_doc/c1", null).status());
    assertEquals(200, s.send("DELETE", "/rx/_doc/c1", null).status());
    assertEquals(404, s.send("DELETE", "/rx/_doc/c1", null).status());
    assertEquals(404, s.send("HEAD", "/rx/_doc/c1", null).status());
    // a conditional write is refused, never applied unconditionally
    assertError(s.send("PUT", "/rx/_doc/c3?if_seq_no=0&if_primary_term=1", "{\"text\":\"x\"}"), 400, "illegal_argument_exception", "if_seq_no");
    assertEquals(404, s.get("/rx/_doc/c3").status());
    JsonNode items = s.send("POST", "/rx/_bulk", "{\"index\":{\"_id\":\"c3\",\"if_seq_no\":0,\"if_primary_term\":1}}\n{\"text\":\"x\"}\n")
        .json().get("items");
    assertEquals(400, items.at("/0/index/status").asInt(), items.toString());
    assertEquals(404, s.get("/rx/_doc/c3").status());
    TestServer.Reply auto = s.send("POST", "/rx/_doc?refresh=true", "{\"text\":\"No acute disease.\"}");
    assertEquals(201, auto.status());
    assertEquals(20, auto.json().get("_id").asText().length());
  }

  @Test
  void getRootServesJsonToClientsThatDoNotAskForHtml() throws Exception {
    assertEquals("cxrsearch", s.get("/", "Accept", "application/json").json().get("cluster_name").asText());
    assertEquals("cxrsearch", s.get("/", "Accept", "*/*").json().get("cluster_name").asText());
  }
}
