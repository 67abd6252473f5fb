package org.cxrsearch.onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cxrsearch.onnx.convert.RandomCheckpoint.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken checkpoints fail before anything is written, with messages naming the file and tensor. */
class BadCheckpointTest {

  @TempDir Path tmp;

  private final Map<String, Tensor> tensors = RandomCheckpoint.tensors(RandomCheckpoint.SMALL, 7);

  @Test
  void truncatedSafetensors() throws IOException {
    Path hf = RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.SMALL, tensors, "BF16");
    Path file = hf.resolve("model.safetensors");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() - 1000);
    }
    String msg = failure(hf);
    assertTrue(msg.contains(file.toString()), msg);
    assertTrue(msg.contains("truncated"), msg);
    // the first tensor (in header order) whose bytes lie past the end of the file
    assertTrue(msg.contains("tensor 'latent_attn.mlp.2.weight' needs bytes [8257152, 8259200)"), msg);
  }

  @Test
  void wrongShape() throws IOException {
    tensors.put("model.layers.1.self_attn.q_proj.weight", new Tensor(new float[16 * 32], new long[] {16, 32}));
    String msg = failure(RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.SMALL, tensors, "BF16"));
    assertTrue(msg.contains("wrong shape (1)"), msg);
    assertTrue(msg.contains("model.layers.1.self_attn.q_proj.weight: expected [32, 32], found [16, 32]"), msg);
  }

  @Test
  void missingLatentAttention() throws IOException {
    tensors.keySet().removeIf(n -> n.startsWith("latent_attn."));
    String msg = failure(RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.SMALL, tensors, "BF16"));
    assertTrue(msg.contains("missing (9)"), msg);
    for (String n : List.of("latent_attn.latents [L, 32]", "latent_attn.multihead_attn.in_proj_weight [96, 32]",
        "latent_attn.mlp.2.bias [32]")) {
      assertTrue(msg.contains(n), msg);
    }
    assertTrue(msg.contains("the checkpoint holds 20 tensors"), msg);
    assertTrue(msg.contains("model.layers.{l}.mlp.up_proj.weight BF16 [64, 32] x2"), msg);
  }

  @Test
  void unexpectedTensor() throws IOException {
    tensors.put("lm_head.weight", new Tensor(new float[128256 * 32], new long[] {128256, 32}));
    String msg = failure(RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.SMALL, tensors, "BF16"));
    assertTrue(msg.contains("unexpected (1):\n    lm_head.weight [128256, 32]"), msg);
  }

  @Test
  void unknownDtype() throws IOException {
    String msg = failure(RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.SMALL, tensors, "F64"));
    assertTrue(msg.contains("tensor 'model.embed_tokens.weight' has dtype 'F64'"), msg);
    assertTrue(msg.contains("[F32, F16, BF16]"), msg);
  }

  @Test
  void tokenizerThatDoesNotFitTheEmbeddingTable() throws IOException {
    RandomCheckpoint.Spec small = new RandomCheckpoint.Spec(1000, 32, 2, 4, 2, 8, 64, 16);
    String msg = failure(RandomCheckpoint.write(tmp.resolve("hf"), small, 7, "BF16"));
    assertTrue(msg.contains("tokenizer.json"), msg);
    assertTrue(msg.contains("has only 1000 rows"), msg);
  }

  @Test
  void missingConfigField() throws IOException {
    Path hf = RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.SMALL, tensors, "BF16");
    Path config = hf.resolve("config.json");
    Files.writeString(config, Files.readString(config).replace("\"hidden_size\"", "\"hidden_sizes\""));
    String msg = failure(hf);
    assertTrue(msg.contains("config.json: field 'hidden_size' must be a positive integer, found nothing"), msg);
  }

  @Test
  void latentHeadsThatDoNotDivideTheHiddenSize() throws IOException {
    Path hf = RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.SMALL, tensors, "BF16");
    String msg = failure(hf, ConvertOptions.defaults().withLatentHeads(5));
    assertTrue(msg.contains("--latent-heads 5 does not divide the hidden size 32"), msg);
    assertTrue(msg.contains("[1, 2, 4, 8, 16, 32]"), msg);
  }

  @Test
  void failureWhileWritingLeavesNoBundle() throws IOException {
    Path hf = RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.SMALL, tensors, "BF16");
    ProgressListener interrupt = new ProgressListener() {
      long done;

      @Override
      public void advance(long units) {
        done += units;
        if (done > 128256 * 32) {
          throw new IllegalStateException("simulated crash after the embedding table was written");
        }
      }
    };
    Path bundle = tmp.resolve("bundle");
    assertThrows(IllegalStateException.class,
        () -> new CheckpointConverter().convert(hf, bundle, ConvertOptions.defaults(), interrupt));
    assertNoBundle(bundle);
  }

  @Test
  void existingTargetIsNotOverwritten() throws IOException {
    Path hf = RandomCheckpoint.write(tmp.resolve("hf"), RandomCheckpoint.SMALL, tensors, "BF16");
    Path bundle = Files.createDirectory(tmp.resolve("bundle"));
    Files.writeString(bundle.resolve("keep.txt"), "user data");
    ConversionException e = assertThrows(ConversionException.class,
        () -> new CheckpointConverter().convert(hf, bundle, ConvertOptions.defaults(), ProgressListener.NONE));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertEquals("user data", Files.readString(bundle.resolve("keep.txt")));
  }

  private String failure(Path hf) throws IOException {
    return failure(hf, ConvertOptions.defaults());
  }

  private String failure(Path hf, ConvertOptions options) throws IOException {
    Path bundle = tmp.resolve("bundle");
    ConversionException e = assertThrows(ConversionException.class,
        () -> new CheckpointConverter().convert(hf, bundle, options, ProgressListener.NONE));
    assertNoBundle(bundle);
    return e.getMessage();
  }

  private void assertNoBundle(Path bundle) throws IOException {
    assertFalse(Files.exists(bundle), "a bundle was left at " + bundle);
    try (Stream<Path> s = Files.list(tmp)) {
      List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.contains("partial")).toList();
      assertTrue(left.isEmpty(), "staging directories left: " + left);
    }
  }
}
