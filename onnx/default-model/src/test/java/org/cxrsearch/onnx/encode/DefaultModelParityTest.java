package org.cxrsearch.onnx.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.bundle.ModelResolver;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.onnx.run.GraphOps;
import org.cxrsearch.onnx.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default model computes what an independent implementation of it computes:
 * langchain4j's own all-MiniLM-L6-v2 pipeline (its tokenizer call, mean pooling and normalisation)
 * over the same ONNX file.
 */
class DefaultModelParityTest {

  private static final List<String> REPORTS = List.of(
      "Small left pleural effusion with basal atelectasis.",
      "No acute cardiopulmonary abnormality. Heart size normal.",
      "ETT 3.5 cm above the carina; right PICC tip at the cavoatrial junction.",
      "Interval worsening of bilateral interstitial opacities, likely pulmonary edema in CHF.",
      "PA and lateral views.",
      "Ünïcödé µg ≥ 5 mm");

  @TempDir Path cache;

  @Test
  void matchesLangchain4jOnTheSameModel() {
    ModelResolver resolver = new ModelResolver(cache, new BundleLoader());
    AllMiniLmL6V2QuantizedEmbeddingModel oracle = new AllMiniLmL6V2QuantizedEmbeddingModel();
    try (OnnxEncoder encoder = OnnxEncoder.open(resolver.resolve(ModelResolver.DEFAULT), EncoderConfig.defaults())) {
      assertEquals(ModelFamily.SENTENCE_TRANSFORMER, encoder.info().family());
      assertEquals(384, encoder.info().dimensions());
      // Encoded together: the int8 graph quantizes activations per tensor, so the encoder must not
      // let batch neighbours change a vector (they did, to cosine 0.986, before it ran one text per call).
      float[][] ours = encoder.encodeText(REPORTS);
      for (int i = 0; i < REPORTS.size(); i++) {
        float[] theirs = oracle.embed(REPORTS.get(i)).content().vector();
        float cos = Vectors.cosine(ours[i], theirs);
        assertTrue(cos > 0.99999f, "text " + i + " cosine " + cos);
      }
      // Not instruction-aware: the instruction is dropped, the text alone is encoded.
      float[] q = encoder.encodeQuery("Find similar reports.; ", REPORTS.get(0));
      assertTrue(Vectors.cosine(q, ours[0]) > 0.99999f);
    }
  }

  @Test
  void dynamicQuantizationIsDetectedFromTheGraph() {
    ModelResolver resolver = new ModelResolver(cache, new BundleLoader());
    assertTrue(GraphOps.read(resolver.resolve("default").model()).batchDependent());
    assertFalse(GraphOps.read(Fixtures.tinyOnnxBundle().resolve("model.onnx")).batchDependent());
  }

  @Test
  void extractionIsReusedAndFingerprintStable() {
    ModelResolver resolver = new ModelResolver(cache, new BundleLoader());
    String first;
    try (OnnxEncoder a = OnnxEncoder.open(resolver.resolve("default"), EncoderConfig.defaults())) {
      first = a.info().fingerprint();
    }
    try (OnnxEncoder b = OnnxEncoder.open(resolver.resolve("default"), EncoderConfig.defaults())) {
      assertEquals(first, b.info().fingerprint());
    }
  }
}
