package org.cxrsearch.onnx.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.ModelBundle;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.testing.Fixtures;
import org.cxrsearch.onnx.testing.Goldens;
import org.cxrsearch.onnx.tokenize.TokenizedText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parity with the PyTorch reference on the tiny fixture (MODEL.md §5): identical token ids and
 * pooled positions, and every embedding within 1e-5 of the reference's batched and single-text
 * vectors, for several batch sizes and token budgets (so batching cannot change a vector).
 */
class GoldenParityTest {

  private static final double TOL = 1e-5;
  /** (max batch size, token budget) pairs: one text per batch, tiny budgets, odd sizes, one big batch. */
  private static final int[][] BATCHINGS = {{1, 8192}, {2, 8192}, {3, 64}, {64, 16}, {64, 8192}, {7, 600}};

  private static Goldens goldens;
  private static ModelBundle bundle;
  private static OnnxEncoder encoder;

  @BeforeAll
  static void open() {
    goldens = Goldens.load(Fixtures.goldens());
    bundle = new BundleLoader().load(Fixtures.tinyOnnxBundle());
    encoder = OnnxEncoder.open(bundle, EncoderConfig.defaults());
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void bundleWithoutManifestIsInferredFromTheGraph() {
    EncoderInfo info = encoder.info();
    assertEquals(ModelFamily.LLM2VEC4CXR, info.family());
    assertEquals(32, info.dimensions());
    assertEquals(InstructionFormat.LLM2VEC_SEPARATOR, info.instructionFormat().separator());
    assertTrue(info.fingerprint().startsWith("sha256:") && info.fingerprint().endsWith(";max_length=512"), info.fingerprint());
  }

  @Test
  void theCompleteGoldensAreUsedWhereverTheSharedFixtureIsPresent() {
    boolean sharedPresent = java.nio.file.Files.isRegularFile(
        java.nio.file.Path.of(System.getProperty("cxr.shared", "../shared"), "fixture", "llm2vec4cxr-tiny", "goldens.json"));
    boolean truncationCovered = goldens.cases().stream().anyMatch(c -> c.id().equals("long-truncation"));
    assertEquals(sharedPresent, truncationCovered, "the >512-token cases run whenever ../shared is there");
  }

  @Test
  void aDifferentLengthCapIsADifferentModel() {
    EncoderConfig capped = new EncoderConfig(EncoderConfig.defaults().runtime(), 64, 8192, 64);
    try (OnnxEncoder enc = OnnxEncoder.open(bundle, capped)) {
      assertTrue(enc.info().fingerprint().endsWith(";max_length=64"), enc.info().fingerprint());
      assertTrue(!enc.info().fingerprint().equals(encoder.info().fingerprint()));
    }
  }

  @TestFactory
  Stream<DynamicTest> tokenIdsAndPooledPositionsMatch() {
    return goldens.cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
      List<TokenizedText> rows = c.separatorMode() ? encoder.tokenizeWithInstruction(c.texts()) : encoder.tokenizeText(c.texts());
      assertEquals(c.texts().size(), rows.size(), c.id() + " rows");
      for (int i = 0; i < rows.size(); i++) {
        assertArrayEquals(c.unpaddedIds(i), rows.get(i).ids(), c.id() + " text " + i + " ids");
        assertArrayEquals(c.unpaddedEmbedMask(i), rows.get(i).embedMask(), c.id() + " text " + i + " embed_mask");
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> embeddingsMatchAtEveryBatching() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int[] b : BATCHINGS) {
      EncoderConfig config = EncoderConfig.defaults().withBatching(b[0], b[1]);
      tests.add(DynamicTest.dynamicTest("batch " + b[0] + ", budget " + b[1], () -> {
        try (OnnxEncoder enc = OnnxEncoder.open(bundle, config)) {
          for (Goldens.Case c : goldens.cases()) {
            float[][] got = c.separatorMode() ? enc.encodeWithInstruction(c.texts()) : enc.encodeText(c.texts());
            assertEquals(c.texts().size(), got.length, c.id() + " rows");
            for (int i = 0; i < got.length; i++) {
              assertClose(c.embeddingSingle()[i], got[i], c.id() + " text " + i + " vs single");
              assertClose(c.embeddingBatched()[i], got[i], c.id() + " text " + i + " vs batched");
            }
          }
        }
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> similaritiesMatch() {
    return goldens.cases().stream().filter(c -> c.mode().equals("similarities")).map(c -> DynamicTest.dynamicTest(c.id(), () -> {
      float[] got = encoder.computeSimilarities(c.texts().get(0), c.texts().subList(1, c.texts().size()));
      assertEquals(c.similarities().length, got.length);
      for (int i = 0; i < got.length; i++) {
        assertEquals(c.similarities()[i], got[i], TOL, c.id() + " candidate " + i);
      }
    }));
  }

  @Test
  void encodeQueryIsInstructionSeparatorText() {
    Goldens.Case c = goldens.cases().stream().filter(x -> x.id().equals("card-effusion-status")).findFirst().orElseThrow();
    String query = c.texts().get(0);
    int sep = query.indexOf(InstructionFormat.LLM2VEC_SEPARATOR);
    float[] got = encoder.encodeQuery(query.substring(0, sep), query.substring(sep + InstructionFormat.LLM2VEC_SEPARATOR.length()));
    assertClose(c.embeddingSingle()[0], got, "encodeQuery");
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int d = 0; d < expected.length; d++) {
      assertEquals(expected[d], actual[d], TOL, what + " dim " + d);
    }
  }
}
