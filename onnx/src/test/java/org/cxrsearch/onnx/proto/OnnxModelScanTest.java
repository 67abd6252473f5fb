package org.cxrsearch.onnx.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.FunctionProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.SparseTensorProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cxrsearch.onnx.proto.OnnxModelScan.TensorHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The wire-format walk against models serialized by protobuf's own generated ONNX classes (the
 * independent writer): every place a tensor or node can hide, packed and unpacked dims, and inline
 * data that must be skipped.
 */
@Timeout(10)
class OnnxModelScanTest {

  private static TensorProto external(String name, String location) {
    return TensorProto.newBuilder().setName(name).setDataType(1).addDims(2).addDims(3)
        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
        .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("16")).build();
  }

  private static TensorProto inline(String name, long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(10).setRawData(ByteString.copyFrom(new byte[64]));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  private static byte[] model() {
    GraphProto thenBranch = GraphProto.newBuilder().setName("then")
        .addNode(NodeProto.newBuilder().setOpType("Constant")
            .addAttribute(AttributeProto.newBuilder().setName("value").setT(external("const.value", "c.bin"))))
        .build();
    GraphProto main = GraphProto.newBuilder().setName("main")
        .addInitializer(inline("w", 4, 8))
        .addInitializer(external("big", "weights.bin"))
        .addSparseInitializer(SparseTensorProto.newBuilder().setValues(inline("sv", 2)).setIndices(inline("si", 2)))
        .addNode(NodeProto.newBuilder().setOpType("MatMul").setName("mm"))
        .addNode(NodeProto.newBuilder().setOpType("If")
            .addAttribute(AttributeProto.newBuilder().setName("then_branch").setG(thenBranch))
            .addAttribute(AttributeProto.newBuilder().setName("else_branch").setG(GraphProto.newBuilder()
                .addNode(NodeProto.newBuilder().setOpType("DynamicQuantizeLinear")))))
        .build();
    return ModelProto.newBuilder().setIrVersion(8).setProducerName("test").setGraph(main)
        .addFunctions(FunctionProto.newBuilder().setName("f").addNode(NodeProto.newBuilder().setOpType("Gelu")))
        .build().toByteArray();
  }

  @Test
  void visitsEveryNodeAndTensorWithTheirHeaders() {
    List<String> ops = new ArrayList<>();
    List<TensorHeader> tensors = new ArrayList<>();
    OnnxModelScan.scan(ByteBuffer.wrap(model()), new OnnxModelScan.Visitor() {
      @Override
      public void node(String opType) {
        ops.add(opType);
      }

      @Override
      public void tensor(TensorHeader tensor) {
        tensors.add(tensor);
      }
    });
    assertEquals(List.of("MatMul", "If", "Constant", "DynamicQuantizeLinear", "Gelu"), ops);
    assertEquals(List.of("w", "big", "sv", "si", "const.value"), tensors.stream().map(TensorHeader::name).toList());
    assertEquals(List.of(4L, 8L), tensors.get(0).dims());
    assertEquals(10, tensors.get(0).dataType());
    assertEquals(0, tensors.get(0).dataLocation());
    TensorHeader big = tensors.get(1);
    assertEquals(1, big.dataLocation());
    assertEquals(List.of(2L, 3L), big.dims());
    assertEquals(List.of(Map.entry("location", "weights.bin"), Map.entry("offset", "16")), big.externalData());
    assertEquals("c.bin", tensors.get(4).externalData().get(0).getValue());
  }

  @Test
  void truncatedModelIsRefused() {
    byte[] bytes = model();
    ByteBuffer cut = ByteBuffer.wrap(bytes, 0, bytes.length - 7).slice();
    assertThrows(IllegalArgumentException.class, () -> OnnxModelScan.scan(cut, new OnnxModelScan.Visitor() {}));
  }
}
