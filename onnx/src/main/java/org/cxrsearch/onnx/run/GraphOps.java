package org.cxrsearch.onnx.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.cxrsearch.onnx.bundle.ModelLoadException;
import org.cxrsearch.onnx.proto.OnnxModelScan;

/**
 * The operator types a graph uses (its main graph, sub-graphs and functions), read from the ONNX protobuf.
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
    Set<String> ops = new TreeSet<>();
    try {
      OnnxModelScan.scan(model, new OnnxModelScan.Visitor() {
        @Override
        public void node(String opType) {
          ops.add(opType);
        }
      });
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelLoadException("cannot read the ONNX graph " + model + ": " + e.getMessage(), e);
    }
    return new GraphOps(Set.copyOf(ops));
  }

  /** Whether batching would make vectors depend on the other rows of the batch. */
  public boolean batchDependent() {
    return opTypes.stream().anyMatch(DYNAMIC_QUANTIZATION::contains);
  }
}
