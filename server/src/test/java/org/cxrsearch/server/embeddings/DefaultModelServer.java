package org.cxrsearch.server.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cxrsearch.onnx.bundle.ModelResolver;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server on the default model (all-MiniLM-L6-v2) for a test class, and the oracle: an encoder of
 * the same model opened independently of the server.
 */
abstract class DefaultModelServer {

  @TempDir static Path data;
  static TestServer server;
  static OnnxEncoder oracle;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data);
    oracle = OnnxEncoder.open(ModelResolver.fromEnvironment().resolve("default"), EncoderConfig.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    oracle.close();
  }

  static void assertClose(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-6, "component " + i);
    }
  }
}
