package org.cxrsearch.onnx.run;

import static ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT;
import static ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.ModelLoadException;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.testing.Fixtures;
import org.cxrsearch.onnx.testing.TinyOnnx;
import org.cxrsearch.onnx.testing.TinyOnnx.In;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that does not fit its family's contract is refused up front, with what it does have. */
class ModelValidationTest {

  @TempDir Path dir;

  private Path bundle(String manifest) throws IOException {
    Files.copy(Fixtures.tinyOnnxBundle().resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
    if (manifest != null) {
      Files.writeString(dir.resolve("manifest.json"), manifest);
    }
    return dir;
  }

  private String refusal(Path bundleDir) {
    return assertThrows(ModelLoadException.class,
        () -> OnnxEncoder.open(new BundleLoader().load(bundleDir), EncoderConfig.defaults())).getMessage();
  }

  @Test
  void wrongInputTypeIsNamedAndTheActualSignatureListed() throws IOException {
    TinyOnnx.write(dir.resolve("model.onnx"), "embedding",
        new In("input_ids", FLOAT, 2), new In("attention_mask", INT64, 2), new In("embed_mask", INT64, 2));
    String msg = refusal(bundle(null));
    assertTrue(msg.contains("'input_ids' is FLOAT, expected INT64"), msg);
    assertTrue(msg.contains("The model has inputs"), msg);
    assertTrue(msg.contains("input_ids:float[?, ?]"), msg);
  }

  @Test
  void wrongRankAndUnexpectedInputAreNamed() throws IOException {
    TinyOnnx.write(dir.resolve("model.onnx"), "embedding",
        new In("input_ids", INT64, 3), new In("attention_mask", INT64, 2), new In("embed_mask", INT64, 2),
        new In("position_ids", INT64, 2));
    String msg = refusal(bundle(null));
    assertTrue(msg.contains("'input_ids' has rank 3, expected 2"), msg);
    assertTrue(msg.contains("unexpected input 'position_ids'"), msg);
  }

  @Test
  void unrecognisableGraphIsRefusedWithItsInputsAndOutputs() throws IOException {
    TinyOnnx.write(dir.resolve("model.onnx"), "logits", new In("pixels", FLOAT, 4));
    String msg = refusal(bundle(null));
    assertTrue(msg.contains("cannot tell what model"), msg);
    assertTrue(msg.contains("pixels:float[?, ?, ?, ?]"), msg);
    assertTrue(msg.contains("logits"), msg);
  }

  @Test
  void manifestFamilyMustMatchTheGraph() throws IOException {
    Files.copy(Fixtures.tinyOnnxBundle().resolve("model.onnx"), dir.resolve("model.onnx"));
    String msg = refusal(bundle("{\"format\": 1, \"family\": \"sentence-transformer\"}"));
    assertTrue(msg.contains("sentence-transformer contract"), msg);
    assertTrue(msg.contains("unexpected input 'embed_mask'"), msg);
    assertTrue(msg.contains("missing output 'last_hidden_state'"), msg);
  }

  @Test
  void manifestHiddenSizeMustMatchTheGraph() throws IOException {
    Files.copy(Fixtures.tinyOnnxBundle().resolve("model.onnx"), dir.resolve("model.onnx"));
    String msg = refusal(bundle("{\"format\": 1, \"family\": \"llm2vec4cxr\", \"hidden_size\": 2048}"));
    assertTrue(msg.contains("hidden_size 2048 but the graph's output has width 32"), msg);
  }

  @Test
  void missingFilesAreListed() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "x");
    String msg = assertThrows(ModelLoadException.class, () -> new BundleLoader().load(dir)).getMessage();
    assertTrue(msg.contains("has no model.onnx") && msg.contains("[notes.txt]"), msg);
  }
}
