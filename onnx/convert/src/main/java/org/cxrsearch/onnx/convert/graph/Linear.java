package org.cxrsearch.onnx.convert.graph;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.List;
import org.cxrsearch.onnx.convert.quant.BlockQuantizer;
import org.cxrsearch.onnx.convert.quant.ChannelQuantizer;

/**
 * Emits {@code y = x W^T} for a constant weight {@code W [out, in]} (the checkpoint's layout), in
 * one of the weight precisions. One instance per precision; the model code does not care which.
 */
public interface Linear {

  /** {@code x [.., in]} times {@code W^T}, giving {@code [.., out]}. */
  Value apply(GraphBuilder g, Value x, float[] w, int out, int in, String name);

  /** Dense weights stored as {@code type} (FLOAT or FLOAT16): {@code MatMul(x, W^T)}. */
  static Linear dense(DataType type) {
    return (g, x, w, out, in, name) ->
        g.matMul(x, g.constant(name, TensorData.floats(Matrices.transpose(w, out, in), type, in, out)));
  }

  /**
   * Block-quantized weights: ONNX Runtime's {@code MatMulNBits} (com.microsoft), whose weight layout
   * is the checkpoint's own {@code [out, in]}.
   *
   * @param accuracyLevel 0 to compute in float, 4 to let the kernel quantize {@code x} to int8 per
   *     block (int8 dot products: the fast path on CPUs)
   */
  static Linear blockQuantized(BlockQuantizer quantizer, int accuracyLevel) {
    return (g, x, w, out, in, name) -> {
      BlockQuantizer.Quantized q = quantizer.quantize(w, out, in);
      Value codes = g.constant(name + ".q", TensorData.bytes(q.codes(), DataType.UINT8, out, q.blocks(), q.blobSize()));
      Value scales = g.constant(name + ".scales", TensorData.floats(q.scales(), DataType.FLOAT, out, q.blocks()));
      return g.node("MatMulNBits", GraphBuilder.MS, List.of(x, codes, scales), 1,
          Attr.of("K", (long) in), Attr.of("N", (long) out), Attr.of("bits", (long) quantizer.bits()),
          Attr.of("block_size", (long) quantizer.blockSize()), Attr.of("accuracy_level", (long) accuracyLevel))[0];
    };
  }

  /**
   * int8 weights per output channel with int8 activations quantized at run time: ONNX Runtime's
   * {@code DynamicQuantizeMatMul} (com.microsoft).
   */
  static Linear dynamicInt8(ChannelQuantizer quantizer) {
    return (g, x, w, out, in, name) -> {
      ChannelQuantizer.Quantized q = quantizer.quantize(w, out, in);
      Value codes = g.constant(name + ".q", TensorData.bytes(q.codes(), DataType.INT8, in, out));
      Value scales = g.constant(name + ".scales", TensorData.floats(q.scales(), DataType.FLOAT, out));
      return g.node("DynamicQuantizeMatMul", GraphBuilder.MS, List.of(x, codes, scales), 1)[0];
    };
  }
}
