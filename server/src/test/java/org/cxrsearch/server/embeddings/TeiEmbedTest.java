package org.cxrsearch.server.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.server.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TEI's {@code POST /embed}, called with plain {@code java.net.http} as a TEI client would. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TeiEmbedTest extends DefaultModelServer {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  static HttpResponse<String> post(String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/embed"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  static float[] vector(JsonNode array) {
    float[] v = new float[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).floatValue();
    }
    return v;
  }

  @Test
  void stringInputGivesOneNormalizedDocumentVector() throws Exception {
    HttpResponse<String> r = post("{\"inputs\": \"Small left pleural effusion.\"}");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = json(r);
    assertTrue(body.isArray() && body.size() == 1 && body.get(0).isArray(), r.body());
    assertClose(Vectors.l2Normalized(oracle.encodeDocuments(List.of("Small left pleural effusion.")))[0],
        vector(body.get(0)));
  }

  @Test
  void arrayInputKeepsOrderAndNormalizeFalseGivesRawVectors() throws Exception {
    List<String> texts = List.of("No acute process.", "Right lower lobe pneumonia.", "Cardiomegaly.");
    JsonNode body = json(post("{\"inputs\": " + Json.MAPPER.writeValueAsString(texts) + ", \"normalize\": false}"));
    float[][] raw = oracle.encodeDocuments(texts);
    assertEquals(3, body.size());
    for (int i = 0; i < 3; i++) {
      assertClose(raw[i], vector(body.get(i)));
    }
  }

  @Test
  void promptNameQuerySelectsEncodeQuery() throws Exception {
    JsonNode body = json(post("{\"inputs\": \"effusion\", \"prompt_name\": \"query\"}"));
    assertClose(Vectors.l2Normalized(oracle.encodeQuery("", "effusion")), vector(body.get(0)));
  }

  @Test
  void tooLongInputIs413UnlessTruncated() throws Exception {
    String longText = "small left pleural effusion ".repeat(400);
    HttpResponse<String> refused = post("{\"inputs\": \"" + longText + "\"}");
    assertEquals(413, refused.statusCode(), refused.body());
    assertEquals("Validation", json(refused).get("error_type").asText());
    assertTrue(json(refused).get("error").asText().contains("inputs[0]"), refused.body());
    HttpResponse<String> truncated = post("{\"inputs\": \"" + longText + "\", \"truncate\": true}");
    assertEquals(200, truncated.statusCode(), truncated.body());
    assertClose(Vectors.l2Normalized(oracle.encodeDocuments(List.of(longText)))[0],
        vector(json(truncated).get(0)));
  }

  @Test
  void errorsComeInTeisShape() throws Exception {
    record Case(String body, int status, String type, String mentions) {}
    for (Case c : List.of(
        new Case("{\"inputs\": []}", 400, "Empty", "inputs"),
        new Case("{\"inputs\": \"\"}", 400, "Empty", "inputs"),
        new Case("{\"inputs\": [[101, 102]]}", 422, "Validation", "token id"),
        new Case("{\"inputs\": \"x\", \"normalize\": \"yes\"}", 422, "Validation", "normalize"),
        new Case("{\"inputs\": \"x\", \"dimensions\": 128}", 422, "Validation", "dimensions"),
        new Case("{\"inputs\": \"x\", \"truncation_direction\": \"Left\"}", 422, "Validation", "truncation_direction"),
        new Case("{\"inputs\": \"x\", \"prompt_name\": \"passage\"}", 422, "Validation", "prompt_name"),
        new Case("{\"text\": \"x\"}", 422, "Validation", "text"),
        new Case("[1, 2]", 422, "Validation", "JSON object"))) {
      HttpResponse<String> r = post(c.body());
      assertEquals(c.status(), r.statusCode(), c.body() + " -> " + r.body());
      JsonNode error = json(r);
      assertEquals(c.type(), error.get("error_type").asText(), r.body());
      assertTrue(error.get("error").asText().contains(c.mentions()), r.body());
    }
  }
}
