package org.cxrsearch.onnx.convert.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small typed builder over the ONNX protobuf: graph inputs and outputs, constants (large ones as
 * external data), and one method per operator the converter uses, so that model code reads like the
 * math. Node and tensor names are generated from a prefix that callers set per block ({@link
 * #scope}), which keeps the graph readable in Netron.
 */
public final class GraphBuilder {

  /** ONNX Runtime's contrib operator domain. */
  public static final String MS = "com.microsoft";

  /** Constants up to this size are stored inside model.onnx; larger ones go to external data. */
  private static final long INLINE_LIMIT = 1024;

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final ExternalDataFile external;
  private final Map<String, Integer> counters = new HashMap<>();
  private String scope = "";

  /** @param external where large constants go */
  public GraphBuilder(String name, ExternalDataFile external) {
    this.external = external;
    graph.setName(name);
  }

  /** Sets the name prefix of the following nodes and constants ("layer3/attn"). */
  public void scope(String prefix) {
    this.scope = prefix;
  }

  /** A new unique tensor name in the current scope, for nodes whose outputs are named explicitly. */
  public String name(String base) {
    return fresh(base);
  }

  private String fresh(String base) {
    String stem = scope.isEmpty() ? base : scope + "/" + base;
    int n = counters.merge(stem, 1, Integer::sum);
    return n == 1 ? stem : stem + "_" + n;
  }

  // ---------------------------------------------------------------- inputs, outputs, constants

  /** A graph input; a dimension given as a String is symbolic, as a Number fixed. */
  public Value input(String name, DataType type, Object... dims) {
    graph.addInput(valueInfo(name, type, dims));
    return new Value(name);
  }

  /** Declares {@code v} as the graph output {@code name}. */
  public void output(Value v, String name, DataType type, Object... dims) {
    Value named = v.name().equals(name) ? v : node("Identity", "", List.of(v), new String[] {name})[0];
    graph.addOutput(valueInfo(named.name(), type, dims));
  }

  private static ValueInfoProto valueInfo(String name, DataType type, Object... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
      if (d instanceof Number n) {
        dim.setDimValue(n.longValue());
      } else {
        dim.setDimParam(d.toString());
      }
      shape.addDim(dim);
    }
    TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape).build();
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
  }

  /** A constant tensor (an initializer). */
  public Value constant(String name, TensorData data) {
    String full = fresh(name);
    TensorProto.Builder t = TensorProto.newBuilder().setName(full).setDataType(data.type().getNumber());
    for (long d : data.dims()) {
      t.addDims(d);
    }
    if (data.byteSize() <= INLINE_LIMIT) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) data.byteSize());
      try {
        data.writeTo(Channels.newChannel(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      t.setRawData(ByteString.copyFrom(bytes.toByteArray()));
    } else {
      long offset = external.append(data);
      t.setDataLocation(TensorProto.DataLocation.EXTERNAL)
          .addExternalData(entry("location", external.location()))
          .addExternalData(entry("offset", Long.toString(offset)))
          .addExternalData(entry("length", Long.toString(data.byteSize())));
    }
    graph.addInitializer(t);
    return new Value(full);
  }

  private static StringStringEntryProto entry(String k, String v) {
    return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
  }

  /** An int64 vector constant (shapes, axes, sizes). */
  public Value ints(long... values) {
    return constant("const", TensorData.longs(values));
  }

  /** A float scalar constant of the given type. */
  public Value scalar(float value, DataType type) {
    return constant("const", TensorData.floats(new float[] {value}, type));
  }

  // ---------------------------------------------------------------- generic node

  /** Adds a node with {@code outputs} fresh outputs. */
  public Value[] node(String op, String domain, List<Value> inputs, int outputs, AttributeProto... attrs) {
    String[] names = new String[outputs];
    for (int i = 0; i < outputs; i++) {
      names[i] = fresh(op.toLowerCase(java.util.Locale.ROOT));
    }
    return node(op, domain, inputs, names, attrs);
  }

  /** Adds a node with the given output names (an empty name omits an optional output). */
  public Value[] node(String op, String domain, List<Value> inputs, String[] outputs, AttributeProto... attrs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(fresh(op + "_node")).setDomain(domain);
    inputs.forEach(v -> n.addInput(v.name()));
    Value[] out = new Value[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      n.addOutput(outputs[i]);
      out[i] = new Value(outputs[i]);
    }
    for (AttributeProto a : attrs) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return out;
  }

  /** A standard-domain node with one output. */
  public Value op(String op, List<Value> inputs, AttributeProto... attrs) {
    return node(op, "", inputs, 1, attrs)[0];
  }

  // ---------------------------------------------------------------- standard operators

  public Value matMul(Value a, Value b) {
    return op("MatMul", List.of(a, b));
  }

  public Value add(Value a, Value b) {
    return op("Add", List.of(a, b));
  }

  public Value sub(Value a, Value b) {
    return op("Sub", List.of(a, b));
  }

  public Value mul(Value a, Value b) {
    return op("Mul", List.of(a, b));
  }

  public Value div(Value a, Value b) {
    return op("Div", List.of(a, b));
  }

  public Value max(Value a, Value b) {
    return op("Max", List.of(a, b));
  }

  public Value sqrt(Value x) {
    return op("Sqrt", List.of(x));
  }

  public Value sigmoid(Value x) {
    return op("Sigmoid", List.of(x));
  }

  /** Exact (erf) GELU, ONNX opset 20. */
  public Value gelu(Value x) {
    return op("Gelu", List.of(x), Attr.of("approximate", "none"));
  }

  public Value softmax(Value x, long axis) {
    return op("Softmax", List.of(x), Attr.of("axis", axis));
  }

  public Value cast(Value x, DataType to) {
    return op("Cast", List.of(x), Attr.of("to", (long) to.getNumber()));
  }

  public Value gather(Value table, Value indices) {
    return op("Gather", List.of(table, indices), Attr.of("axis", 0L));
  }

  /** Reshape; 0 copies the input's dimension, -1 is inferred. */
  public Value reshape(Value x, long... shape) {
    return op("Reshape", List.of(x, ints(shape)));
  }

  public Value transpose(Value x, long... perm) {
    return op("Transpose", List.of(x), Attr.ints("perm", perm));
  }

  public Value unsqueeze(Value x, long... axes) {
    return op("Unsqueeze", List.of(x, ints(axes)));
  }

  public Value expand(Value x, long... shape) {
    return op("Expand", List.of(x, ints(shape)));
  }

  public Value concat(long axis, Value... parts) {
    return op("Concat", List.of(parts), Attr.of("axis", axis));
  }

  /** Splits along {@code axis} into parts of the given sizes. */
  public Value[] split(Value x, long axis, long... sizes) {
    return node("Split", "", List.of(x, ints(sizes)), sizes.length, Attr.of("axis", axis));
  }

  public Value reduceMean(Value x, long... axes) {
    return op("ReduceMean", List.of(x, ints(axes)), Attr.of("keepdims", 1L));
  }

  public Value reduceSum(Value x, long... axes) {
    return op("ReduceSum", List.of(x, ints(axes)), Attr.of("keepdims", 1L));
  }

  /** {@code x[.., start:end, ..]} along one axis, with runtime bounds. */
  public Value slice(Value x, Value starts, Value ends, long axis) {
    return op("Slice", List.of(x, starts, ends, ints(axis)));
  }

  /** Dimension {@code axis} of {@code x}'s shape, as a 1-element int64 tensor. */
  public Value dim(Value x, long axis) {
    return op("Shape", List.of(x), Attr.of("start", axis), Attr.of("end", axis + 1));
  }

  // ---------------------------------------------------------------- model

  /**
   * The finished model.
   *
   * @param opset default-domain opset
   * @param contrib whether the graph uses {@link #MS} operators
   */
  public ModelProto build(int opset, boolean contrib, Map<String, String> metadata) {
    ModelProto.Builder m = ModelProto.newBuilder()
        .setIrVersion(10)
        .setProducerName("cxrsearch-convert")
        .setGraph(graph)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset));
    if (contrib) {
      m.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(MS).setVersion(1));
    }
    metadata.forEach((k, v) -> m.addMetadataProps(entry(k, v)));
    return m.build();
  }
}
