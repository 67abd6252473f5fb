package org.cxrsearch.server.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.onnx.bundle.ModelResolver;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.server.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-request bounds, on the translation classes directly with small limits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddingLimitsTest {

  static OnnxEncoder encoder;
  static OpenAiEmbeddings openAi;
  static TeiEmbed tei;

  @BeforeAll
  static void open() {
    encoder = OnnxEncoder.open(ModelResolver.fromEnvironment().resolve("default"), EncoderConfig.defaults());
    EmbeddingModels models = EmbeddingModels.of(new Embedder("minilm", encoder));
    EmbeddingLimits limits = new EmbeddingLimits(2, 40, 200);
    openAi = new OpenAiEmbeddings(models, limits, Json.MAPPER);
    tei = new TeiEmbed(models, limits, Json.MAPPER);
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void tooManyInputs() {
    EmbeddingReply o = openAi.embeddings(utf8("{\"model\": \"minilm\", \"input\": [\"a\", \"b\", \"c\"]}"));
    assertEquals(400, o.status());
    assertTrue(o.body().at("/error/message").asText().contains("limit is 2"), o.body().toString());
    EmbeddingReply t = tei.embed(utf8("{\"inputs\": [\"a\", \"b\", \"c\"]}"));
    assertEquals(413, t.status());
    assertEquals(200, tei.embed(utf8("{\"inputs\": [\"a\", \"b\"]}")).status());
  }

  @Test
  void tooLongInput() {
    EmbeddingReply o = openAi.embeddings(utf8("{\"model\": \"minilm\", \"input\": \"" + "x".repeat(41) + "\"}"));
    assertEquals(400, o.status());
    assertEquals("input", o.body().at("/error/param").asText());
    assertTrue(o.body().at("/error/message").asText().contains("41 characters"), o.body().toString());
  }

  @Test
  void tooLargeBody() {
    EmbeddingReply o = openAi.embeddings(utf8("{\"model\": \"minilm\", \"input\": \"x\", \"user\": \"" + "u".repeat(200) + "\"}"));
    assertEquals(413, o.status());
    assertTrue(o.body().at("/error/message").asText().contains("limit is 200"), o.body().toString());
    assertEquals(413, tei.embed(utf8("{\"inputs\": \"x\", \"instruction\": \"" + "u".repeat(200) + "\"}")).status());
  }

  @Test
  void theModelIsFoundUnderItsNameAndDefault() {
    assertEquals(200, openAi.embeddings(utf8("{\"model\": \"minilm\", \"input\": \"x\"}")).status());
    assertEquals(200, openAi.embeddings(utf8("{\"model\": \"default:query\", \"input\": \"x\"}")).status());
    assertEquals(404, openAi.embeddings(utf8("{\"model\": \"minilm2\", \"input\": \"x\"}")).status());
  }
}
