package org.cxrsearch.onnx.run;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.cxrsearch.onnx.bundle.ModelLoadException;

/**
 * The operator types a graph uses (its main graph and its functions), read from the ONNX protobuf.
 * ONNX Runtime's Java API does not expose them; the encoder needs one fact from them: whether
 * activations are quantized dynamically.
 *
 * @param opTypes every {@code op_type} in the model
 */
public record GraphOps(Set<String> opTypes) {

  /**
   * Operators that quantize activations with a scale computed over the whole input tensor. In a
   * padded batch that tensor holds every row, so a text's vector would depend on its neighbours.
   */
  static final Set<String> DYNAMIC_QUANTIZATION = Set.of(
      "DynamicQuantizeLinear", "DynamicQuantizeMatMul", "MatMulIntegerToFloat", "DynamicQuantizeLSTM");

  public static GraphOps read(Path model) {
    try (InputStream in = Files.newInputStream(model)) {
      CodedInputStream coded = CodedInputStream.newInstance(in);
      coded.setSizeLimit(Integer.MAX_VALUE);
      OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(coded);
      Set<String> ops = new TreeSet<>();
      proto.getGraph().getNodeList().forEach(n -> ops.add(n.getOpType()));
      proto.getFunctionsList().forEach(f -> f.getNodeList().forEach(n -> ops.add(n.getOpType())));
      return new GraphOps(Set.copyOf(ops));
    } catch (IOException e) {
      throw new ModelLoadException("cannot read the ONNX graph " + model + ": " + e.getMessage(), e);
    }
  }

  /** Whether batching would make vectors depend on the other rows of the batch. */
  public boolean batchDependent() {
    return opTypes.stream().anyMatch(DYNAMIC_QUANTIZATION::contains);
  }
}
