package org.cxrsearch.server.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /v1/embeddings} driven by LangChain4j's {@link OpenAiEmbeddingModel} (a real OpenAI
 * client) and by hand; the oracle is an encoder opened independently of the server on the same
 * model (all-MiniLM-L6-v2).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenAiEmbeddingsTest extends DefaultModelServer {


  static final List<String> REPORTS = List.of(
      "Small left pleural effusion with adjacent atelectasis.",
      "No acute cardiopulmonary process.",
      "Moderate cardiomegaly with interstitial pulmonary edema and small bilateral effusions.",
      "Right upper lobe consolidation concerning for pneumonia.");

  static OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder client(String model) {
    return OpenAiEmbeddingModel.builder().baseUrl(server.url() + "/v1").apiKey("not-checked-on-loopback")
        .modelName(model).timeout(Duration.ofSeconds(30)).maxRetries(0);
  }

  @Test
  void langChain4jDocumentVectorsEqualTheEncoders() {
    Response<List<Embedding>> response = client("default").build()
        .embedAll(REPORTS.stream().map(TextSegment::from).toList());
    float[][] expected = Vectors.l2Normalized(oracle.encodeDocuments(REPORTS));
    assertEquals(REPORTS.size(), response.content().size());
    for (int i = 0; i < REPORTS.size(); i++) {
      assertClose(expected[i], response.content().get(i).vector());
    }
  }

  @Test
  void langChain4jQueryModeBySuffixEqualsEncodeQuery() {
    String query = "worsening left pleural effusion";
    Embedding e = client(oracle.info().name() + ":query").build().embed(query).content();
    assertClose(Vectors.l2Normalized(oracle.encodeQuery("", query)), e.vector());
  }

  @Test
  void usageCountsTheModelsTokens() {
    // BERT WordPiece: [CLS] hello world [SEP].
    Response<Embedding> r = client("default").build().embed("hello world");
    assertEquals(4, r.tokenUsage().inputTokenCount());
    assertEquals(4, r.tokenUsage().totalTokenCount());
  }

  @Test
  void langChain4jBase64EqualsFloat() {
    List<TextSegment> segments = REPORTS.stream().map(TextSegment::from).toList();
    List<Embedding> floats = client("default").build().embedAll(segments).content();
    List<Embedding> base64 = client("default").encodingFormat("base64").build().embedAll(segments).content();
    for (int i = 0; i < segments.size(); i++) {
      assertArrayEquals(floats.get(i).vector(), base64.get(i).vector());
    }
  }

  @Test
  void base64IsLittleEndianFloat32() throws Exception {
    String body = "{\"model\": \"default\", \"input\": [\"" + REPORTS.get(0) + "\"], \"encoding_format\": \"base64\"}";
    JsonNode r = server.send("POST", "/v1/embeddings", body).json();
    byte[] bytes = Base64.getDecoder().decode(r.at("/data/0/embedding").asText());
    float[] expected = Vectors.l2Normalized(oracle.encodeDocuments(List.of(REPORTS.get(0))))[0];
    assertEquals(expected.length * 4, bytes.length);
    for (int i = 0; i < expected.length; i++) {
      // Assemble each float by hand: least significant byte first.
      int bits = (bytes[4 * i] & 0xff) | (bytes[4 * i + 1] & 0xff) << 8 | (bytes[4 * i + 2] & 0xff) << 16
          | (bytes[4 * i + 3] & 0xff) << 24;
      assertEquals(expected[i], Float.intBitsToFloat(bits), 1e-6, "component " + i);
    }
  }

  @Test
  void responseHasOpenAisShape() throws Exception {
    TestServer.Reply reply = server.send("POST", "/v1/embeddings", "{\"model\": \"default:document\", \"input\": \"a\"}");
    assertEquals(200, reply.status(), reply.body());
    JsonNode r = reply.json();
    assertEquals("list", r.get("object").asText());
    assertEquals("embedding", r.at("/data/0/object").asText());
    assertEquals(0, r.at("/data/0/index").asInt());
    assertEquals(384, r.at("/data/0/embedding").size());
    assertEquals("default:document", r.get("model").asText());
    assertEquals(3, r.at("/usage/prompt_tokens").asInt());
    assertEquals(3, r.at("/usage/total_tokens").asInt());
    assertTrue(reply.header("Content-Type").startsWith("application/json"));
  }

  @Test
  void dimensionsEqualToTheModelsAreAcceptedOthersRefused() throws Exception {
    assertEquals(384, client("default").dimensions(384).build().embed("effusion").content().dimension());
    Exception e = assertThrows(RuntimeException.class, () -> client("default").dimensions(256).build().embed("x"));
    assertTrue(e.getMessage().contains("dimensions"), e.getMessage());
  }

  @Test
  void unknownModelIs404ModelNotFound() throws Exception {
    TestServer.Reply r = server.send("POST", "/v1/embeddings", "{\"model\": \"text-embedding-3-small\", \"input\": \"x\"}");
    assertEquals(404, r.status());
    assertEquals("model_not_found", r.json().at("/error/code").asText());
    assertEquals("model", r.json().at("/error/param").asText());
    assertTrue(r.json().at("/error/message").asText().contains("text-embedding-3-small"));
    Exception e = assertThrows(RuntimeException.class, () -> client("text-embedding-3-small").build().embed("x"));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void badRequestsAreOpenAiErrorsNamingTheField() throws Exception {
    Map<String, String> cases = Map.of(
        "{\"model\": \"default\", \"input\": [[101, 7592]]}", "input[0]",
        "{\"model\": \"default\", \"input\": [\"ok\", 7592]}", "input[1]",
        "{\"model\": \"default\", \"input\": []}", "input",
        "{\"model\": \"default\", \"input\": \"\"}", "input",
        "{\"model\": \"default\"}", "input",
        "{\"input\": \"x\"}", "model",
        "{\"model\": \"default\", \"input\": \"x\", \"encoding_format\": \"int8\"}", "encoding_format",
        "{\"model\": \"default:query\", \"input\": \"x\", \"input_type\": \"document\"}", "input_type",
        "{\"model\": \"default\", \"input\": \"x\", \"instruction\": \"Find effusions; \"}", "instruction",
        "{\"model\": \"default\", \"input\": \"x\", \"temperature\": 1}", "temperature");
    for (var c : cases.entrySet()) {
      TestServer.Reply r = server.send("POST", "/v1/embeddings", c.getKey());
      assertEquals(400, r.status(), c.getKey() + " -> " + r.body());
      assertEquals("invalid_request_error", r.json().at("/error/type").asText(), r.body());
      assertEquals(c.getValue(), r.json().at("/error/param").asText(), r.body());
    }
    TestServer.Reply tokens = server.send("POST", "/v1/embeddings", "{\"model\": \"default\", \"input\": [[101, 7592]]}");
    assertTrue(tokens.json().at("/error/message").asText().contains("token id"), tokens.body());
    TestServer.Reply notJson = server.send("POST", "/v1/embeddings", "{\"model\": ");
    assertEquals(400, notJson.status());
    assertTrue(notJson.json().at("/error/param").isNull(), notJson.body());
  }

  @Test
  void modelsListsTheServedNamesWithTheirModes() throws Exception {
    JsonNode r = server.get("/v1/models").json();
    List<String> ids = r.get("data").findValuesAsText("id");
    assertTrue(ids.containsAll(List.of("default", "default:query", "default:document", oracle.info().name())), ids.toString());
    assertNull(r.get("error"));
  }
}
