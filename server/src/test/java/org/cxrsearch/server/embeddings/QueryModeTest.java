package org.cxrsearch.server.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.server.CxrSearchServer;
import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.index.Models;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query vs document mode on an instruction-aware model (the random-weight LLM2Vec4CXR fixture),
 * where the instruction changes the vector: through LangChain4j's OpenAI client with the
 * {@code :query} suffix and the {@code instruction} field as a custom parameter.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueryModeTest {

  static final String INSTRUCTION = "Determine the change or the status of the pleural effusion.; ";
  static final String TEXT = "There is a small left pleural effusion, slightly larger than before.";

  @TempDir static Path data;
  static CxrSearchServer server;
  static OnnxEncoder oracle;

  @BeforeAll
  static void start() throws Exception {
    Path tiny = Path.of(System.getProperty("cxr.testdata"), "llm2vec4cxr-tiny", "onnx");
    server = CxrSearchServer.start(data, Models.resolving(tiny.toString(), EncoderConfig.defaults()),
        ServerOptions.loopbackEphemeral());
    oracle = OnnxEncoder.open(new BundleLoader().load(tiny), EncoderConfig.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    oracle.close();
  }

  static float[] embed(String model, Map<String, Object> extra) {
    return OpenAiEmbeddingModel.builder().baseUrl(server.url() + "/v1").apiKey("x").modelName(model)
        .customParameters(extra).timeout(Duration.ofSeconds(30)).maxRetries(0).build().embed(TEXT).content().vector();
  }

  @Test
  void queryWithInstructionEqualsEncodeQuery() {
    float[] expected = Vectors.l2Normalized(oracle.encodeQuery(INSTRUCTION, TEXT));
    DefaultModelServer.assertClose(expected, embed("default:query", Map.of("instruction", INSTRUCTION)));
    DefaultModelServer.assertClose(expected, embed("default", Map.of("input_type", "query", "instruction", INSTRUCTION)));
  }

  @Test
  void documentModeEqualsEncodeDocumentsAndDiffersFromTheQuery() {
    float[] document = Vectors.l2Normalized(oracle.encodeDocuments(List.of(TEXT)))[0];
    DefaultModelServer.assertClose(document, embed("default", Map.of()));
    DefaultModelServer.assertClose(document, embed("default:document", Map.of()));
    float[] query = embed("default:query", Map.of("instruction", INSTRUCTION));
    // The instruction is part of the model input: the vectors must differ, or the mode did nothing.
    assertTrue(Vectors.cosine(document, query) < 0.9999f, "cosine " + Vectors.cosine(document, query));
    assertEquals(32, query.length);
  }
}
