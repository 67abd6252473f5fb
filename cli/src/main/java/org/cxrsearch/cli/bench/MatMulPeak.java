package org.cxrsearch.cli.bench;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.cxrsearch.onnx.convert.graph.ExternalDataFile;
import org.cxrsearch.onnx.convert.graph.GraphBuilder;
import org.cxrsearch.onnx.convert.graph.TensorData;
import org.cxrsearch.onnx.convert.graph.Value;

/**
 * A one-MatMul ONNX model {@code x [m, k] @ W [k, n]} (W constant, as in the encoder), to measure
 * the float32 matrix-multiply throughput ONNX Runtime reaches on this CPU: the ceiling the encoder's
 * throughput is compared with.
 */
final class MatMulPeak {

  private MatMulPeak() {}

  /** Writes the model into {@code dir} and returns its path. */
  static Path write(Path dir, int k, int n) throws IOException {
    Files.createDirectories(dir);
    float[] w = new float[k * n];
    Random r = new Random(1);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian();
    }
    ModelProto model;
    try (ExternalDataFile data = new ExternalDataFile(dir.resolve("matmul.onnx.data"), b -> {})) {
      GraphBuilder g = new GraphBuilder("matmul", data);
      Value x = g.input("x", DataType.FLOAT, "m", k);
      Value y = g.matMul(x, g.constant("w", TensorData.floats(w, DataType.FLOAT, k, n)));
      g.output(y, "y", DataType.FLOAT, "m", n);
      model = g.build(20, false, Map.of());
    }
    Path file = dir.resolve("matmul.onnx");
    try (OutputStream out = Files.newOutputStream(file)) {
      model.writeTo(out);
    }
    return file;
  }
}
