package org.cxrsearch.onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A larger random checkpoint (hidden 256, 4 layers, 8/2 heads, 64 latents, bf16), regenerated
 * bit-exactly by {@link RandomCheckpoint}; its reference vectors were computed once by the PyTorch
 * reference ({@code llm2vec_ref.py embed}) and live in {@code testdata/llm2vec4cxr-medium}. The fp32
 * bundle must agree to cosine 0.99999 on every text; fp16, int8, int8-block and int4 report their
 * cosine against fp32 and must reach 0.999, 0.99, 0.999 and 0.98.
 */
class MediumCheckpointTest {

  static final long SEED = 20240611L;
  static final Path REFERENCE = GoldensConversionTest.TESTDATA.resolve("llm2vec4cxr-medium/reference.json");

  @TempDir static Path tmp;
  static Path hf;
  static JsonNode cases;
  static float[][][] fp32;

  @BeforeAll
  static void convertFp32() throws Exception {
    hf = RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.MEDIUM, SEED, "BF16");
    cases = new ObjectMapper().readTree(REFERENCE.toFile()).path("cases");
    fp32 = run(ConvertOptions.defaults());
  }

  @Test
  void fp32MatchesReference() throws Exception {
    for (float[][][] got : new float[][][][] {fp32, run(ConvertOptions.defaults().withStyle(GraphStyle.PLAIN))}) {
      double worst = 1;
      for (int c = 0; c < cases.size(); c++) {
        JsonNode want = cases.get(c).path("embedding");
        assertEquals(want.size(), got[c].length);
        for (int i = 0; i < got[c].length; i++) {
          worst = Math.min(worst, OrtRunner.cosine(got[c][i], floats(want.get(i))));
        }
      }
      System.out.printf("fp32 vs PyTorch reference: min cosine %.8f%n", worst);
      assertTrue(worst >= 0.99999, "fp32 cosine to the reference " + worst);
    }
  }

  @Test
  void fp16AgreesWithFp32() throws Exception {
    assertAgreement("fp16", run(ConvertOptions.defaults().withPrecision(Precision.FP16)), 0.999);
  }

  @Test
  void int8AgreesWithFp32() throws Exception {
    assertAgreement("int8", run(ConvertOptions.defaults().withPrecision(Precision.INT8)), 0.99);
  }

  @Test
  void int8BlockAgreesWithFp32() throws Exception {
    assertAgreement("int8-block", run(ConvertOptions.defaults().withPrecision(Precision.INT8_BLOCK)), 0.999);
  }

  @Test
  void int4AgreesWithFp32() throws Exception {
    assertAgreement("int4", run(ConvertOptions.defaults().withPrecision(Precision.INT4)), 0.98);
  }

  private static void assertAgreement(String name, float[][][] got, double goal) {
    double worst = 1;
    double sum = 0;
    int n = 0;
    for (int c = 0; c < got.length; c++) {
      for (int i = 0; i < got[c].length; i++) {
        double cos = OrtRunner.cosine(got[c][i], fp32[c][i]);
        worst = Math.min(worst, cos);
        sum += cos;
        n++;
      }
    }
    System.out.printf("%s vs fp32: min cosine %.8f, mean %.8f over %d texts%n", name, worst, sum / n, n);
    assertTrue(worst >= goal, name + " cosine to fp32 " + worst + " below " + goal);
  }

  private static float[][][] run(ConvertOptions options) throws Exception {
    Path bundle = tmp.resolve("bundle-" + options.precision().id() + "-" + options.style());
    new CheckpointConverter().convert(hf, bundle, options, ProgressListener.NONE);
    float[][][] out = new float[cases.size()][][];
    try (OrtRunner ort = new OrtRunner(bundle)) {
      for (int c = 0; c < cases.size(); c++) {
        JsonNode k = cases.get(c);
        out[c] = ort.embed(GoldensConversionTest.longs(k.path("input_ids")),
            GoldensConversionTest.longs(k.path("attention_mask")), GoldensConversionTest.longs(k.path("embed_mask")));
      }
    }
    return out;
  }

  private static float[] floats(JsonNode a) {
    float[] f = new float[a.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) a.get(i).asDouble();
    }
    return f;
  }

  /**
   * Left-padded batches like the reference builds (pad 128009, BOS 128000 first): text lengths per
   * batch, and for each row the pooled suffix length n (0 = pool everything, as encode_text).
   */
  static ObjectNode inputs() {
    int[][] lengths = {{12, 30, 5}, {40, 17}, {64}, {3, 25, 25, 9}};
    int[][] pooled = {{0, 0, 0}, {10, 17}, {50}, {2, 0, 24, 8}};
    Random r = new Random(SEED);
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode out = root.putArray("cases");
    for (int b = 0; b < lengths.length; b++) {
      int t = java.util.Arrays.stream(lengths[b]).max().orElseThrow() + 1;
      ObjectNode c = out.addObject();
      ArrayNode ids = c.putArray("input_ids");
      ArrayNode am = c.putArray("attention_mask");
      ArrayNode em = c.putArray("embed_mask");
      for (int row = 0; row < lengths[b].length; row++) {
        int len = lengths[b][row] + 1;
        ArrayNode i = ids.addArray();
        ArrayNode a = am.addArray();
        ArrayNode e = em.addArray();
        for (int p = 0; p < t; p++) {
          boolean real = p >= t - len;
          i.add(!real ? 128009 : p == t - len ? 128000 : r.nextInt(128000));
          a.add(real ? 1 : 0);
          e.add(real && (pooled[b][row] == 0 || p >= t - pooled[b][row]) ? 1 : 0);
        }
      }
    }
    return root;
  }
}
