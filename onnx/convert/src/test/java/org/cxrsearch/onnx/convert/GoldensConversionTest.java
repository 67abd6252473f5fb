package org.cxrsearch.onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.BundleManifest;
import org.cxrsearch.onnx.bundle.ModelBundle;
import org.cxrsearch.onnx.testing.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Converting the tiny fixture checkpoint reproduces the reference goldens (left-padded batches
 * computed by the PyTorch reference of MODEL.md) within 1e-5, with fused and with plain operators.
 */
class GoldensConversionTest {

  static final Path TESTDATA = Path.of(System.getProperty("cxr.testdata", "../testdata"));
  static final Path TINY = TESTDATA.resolve("llm2vec4cxr-tiny");

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(GraphStyle.class)
  void fp32BundleMatchesGoldens(GraphStyle style) throws Exception {
    Path bundleDir = tmp.resolve("bundle");
    ConversionResult result = new CheckpointConverter().convert(TINY.resolve("hf"), bundleDir,
        ConvertOptions.defaults().withStyle(style), ProgressListener.NONE);

    ModelBundle bundle = new BundleLoader().load(bundleDir);
    BundleManifest m = bundle.manifest().orElseThrow();
    assertEquals("llm2vec4cxr", m.family());
    assertEquals(32, m.hiddenSize());
    assertEquals(128009, m.padId());
    assertEquals("fp32", m.precision());
    assertEquals(java.util.Set.of("model.onnx", "model.onnx.data", "tokenizer.json"), m.files().keySet());
    assertEquals(result.manifest(), m);

    JsonNode goldens = new ObjectMapper().readTree(Fixtures.goldens().toFile());
    double worst = 0;
    try (OrtRunner ort = new OrtRunner(bundleDir)) {
      for (JsonNode c : goldens.path("cases")) {
        float[][] got = ort.embed(longs(c.path("input_ids")), longs(c.path("attention_mask")),
            longs(c.path("embed_mask")));
        JsonNode want = c.path("embedding_batched");
        assertEquals(want.size(), got.length);
        for (int i = 0; i < got.length; i++) {
          for (int j = 0; j < got[i].length; j++) {
            worst = Math.max(worst, Math.abs(got[i][j] - want.get(i).get(j).asDouble()));
          }
        }
      }
    }
    System.out.printf("%s: max |converted - golden| = %.3g%n", style, worst);
    assertTrue(worst < 1e-5, style + ": max abs difference to the goldens " + worst);
    assertTrue(Files.list(tmp).allMatch(p -> p.equals(bundleDir)), "staging directory left behind");
  }

  static long[][] longs(JsonNode rows) {
    long[][] out = new long[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode r = rows.get(i);
      out[i] = new long[r.size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = r.get(j).asLong();
      }
    }
    return out;
  }
}
