package org.cxrsearch.onnx.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cxrsearch.onnx.convert.RandomCheckpoint.Tensor;
import org.cxrsearch.onnx.convert.safetensors.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding of each dtype against hand-checked values, and sharded checkpoints. */
class SafetensorsReaderTest {

  @TempDir Path tmp;

  /** Values exactly representable in bf16 and f16, so every dtype must give them back exactly. */
  private static final float[] VALUES = {1.5f, -2.25f, 0f, 0.0078125f, 256f, -0.5f};

  @Test
  void decodesF32F16Bf16() throws Exception {
    for (String dtype : new String[] {"F32", "F16", "BF16"}) {
      Path dir = Files.createDirectories(tmp.resolve(dtype));
      RandomCheckpoint.writeSafetensors(dir.resolve("model.safetensors"),
          Map.of("t", new Tensor(VALUES, new long[] {2, 3})), dtype);
      try (Checkpoint c = Checkpoint.open(dir, new ObjectMapper())) {
        assertArrayEquals(new long[] {2, 3}, c.info("t").shape());
        assertArrayEquals(VALUES, c.floats("t"), dtype);
        float[] tail = new float[2];
        c.read("t", 4, tail, 0, 2);
        assertArrayEquals(new float[] {256f, -0.5f}, tail, dtype);
      }
    }
  }

  @Test
  void bf16RoundsToNearestEven() {
    // 1 + 2^-8 lies halfway between bf16 neighbours 1 and 1 + 2^-7: ties go to the even mantissa (1).
    assertEquals(0x3F80, RandomCheckpoint.bf16(1f + 0x1p-8f) & 0xFFFF);
    assertEquals(0x3F81, RandomCheckpoint.bf16(1f + 0x1p-8f + 0x1p-20f) & 0xFFFF);
  }

  @Test
  void shardedCheckpointConvertsLikeASingleFile() throws Exception {
    Map<String, Tensor> tensors = new LinkedHashMap<>(RandomCheckpoint.tensors(RandomCheckpoint.SMALL, 3));
    Path single = RandomCheckpoint.write(tmp.resolve("single"), RandomCheckpoint.SMALL, tensors, "BF16");
    Path sharded = Files.createDirectories(tmp.resolve("sharded"));
    RandomCheckpoint.writeConfig(sharded, RandomCheckpoint.SMALL);
    Files.copy(RandomCheckpoint.TOKENIZER, sharded.resolve("tokenizer.json"));
    RandomCheckpoint.writeSharded(sharded, tensors, "BF16");

    long[][] ids = {{128009, 128000, 400, 5000, 17}, {128000, 9, 8, 7, 6}};
    long[][] am = {{0, 1, 1, 1, 1}, {1, 1, 1, 1, 1}};
    float[][] a = embed(single, "a", ids, am);
    float[][] b = embed(sharded, "b", ids, am);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i]);
    }
  }

  private float[][] embed(Path hf, String name, long[][] ids, long[][] am) throws Exception {
    Path bundle = tmp.resolve("bundle-" + name);
    new CheckpointConverter().convert(hf, bundle, ConvertOptions.defaults(), ProgressListener.NONE);
    try (OrtRunner ort = new OrtRunner(bundle)) {
      return ort.embed(ids, am, am);
    }
  }
}
