package org.cxrsearch.onnx.testing;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes minimal ONNX graphs with a chosen signature, for testing model validation: every declared
 * input is a graph input, and the single output is an {@code Identity} of the first input.
 */
public final class TinyOnnx {

  /** A graph input: name, ONNX element type, rank (all dimensions symbolic). */
  public record In(String name, OnnxMl.TensorProto.DataType type, int rank) {}

  private TinyOnnx() {}

  public static void write(Path file, String outputName, In... inputs) throws IOException {
    OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("tiny");
    for (In in : inputs) {
      g.addInput(valueInfo(in.name(), in.type(), in.rank()));
    }
    g.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").addInput(inputs[0].name()).addOutput(outputName));
    g.addOutput(valueInfo(outputName, inputs[0].type(), inputs[0].rank()));
    OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
        .setIrVersion(8)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
        .setGraph(g)
        .build();
    Files.write(file, model.toByteArray());
  }

  private static OnnxMl.ValueInfoProto valueInfo(String name, OnnxMl.TensorProto.DataType type, int rank) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    for (int d = 0; d < rank; d++) {
      shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("d" + d));
    }
    return OnnxMl.ValueInfoProto.newBuilder().setName(name)
        .setType(OnnxMl.TypeProto.newBuilder().setTensorType(
            OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
        .build();
  }
}
