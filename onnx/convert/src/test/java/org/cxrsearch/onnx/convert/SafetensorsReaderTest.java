package org.cxrsearch.onnx.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cxrsearch.onnx.convert.RandomCheckpoint.Tensor;
import org.cxrsearch.onnx.convert.safetensors.Checkpoint;
import org.cxrsearch.onnx.convert.safetensors.SafetensorsException;
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

  @Test
  void aShapeWhoseByteSizeOverflowsIsASafetensorsErrorNamingTheTensor() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("overflow"));
    byte[] header = "{\"big\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4294967296],\"data_offsets\":[0,4]}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(8 + header.length + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    file.putLong(header.length).put(header).putFloat(1f);
    Files.write(dir.resolve("model.safetensors"), file.array());
    var e = assertThrows(SafetensorsException.class, () -> Checkpoint.open(dir, new ObjectMapper()).close());
    assertTrue(e.getMessage().contains("tensor 'big'"), e.getMessage());
    assertTrue(e.getMessage().contains("[4294967296, 4294967296, 4294967296]"), e.getMessage());
  }

  @Test
  void closingTheCheckpointUnmapsItsFiles() throws Exception {
    Path maps = Path.of("/proc/self/maps");
    assumeTrue(Files.isReadable(maps), "needs Linux's /proc/self/maps to see the process's mappings");
    Path dir = Files.createDirectories(tmp.resolve("unmap"));
    Path file = dir.resolve("model.safetensors");
    RandomCheckpoint.writeSafetensors(file, Map.of("t", new Tensor(VALUES, new long[] {2, 3})), "F32");
    String name = file.toRealPath().toString();

    Checkpoint c = Checkpoint.open(dir, new ObjectMapper());
    assertArrayEquals(VALUES, c.floats("t"));
    assertTrue(Files.readString(maps).contains(name), "mapped while open");
    c.close();
    assertFalse(Files.readString(maps).contains(name), "still mapped after close: released only when the GC runs");
    // and a read after close fails cleanly instead of touching unmapped memory
    assertThrows(IllegalStateException.class, () -> c.floats("t"));
  }
}
