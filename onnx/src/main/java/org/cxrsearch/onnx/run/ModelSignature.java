package org.cxrsearch.onnx.run;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.bundle.ModelLoadException;

/**
 * The inputs and outputs of an ONNX graph, checked against what a {@link ModelFamily} needs before
 * any text is encoded. Errors list what the graph does have.
 */
public record ModelSignature(List<Port> inputs, List<Port> outputs) {

  /** One graph input or output: name, element type, shape (-1 for a symbolic dimension). */
  public record Port(String name, OnnxJavaType type, long[] shape) {
    @Override
    public String toString() {
      return name + ":" + type.name().toLowerCase(java.util.Locale.ROOT) + Arrays.toString(shape).replace("-1", "?");
    }
  }

  public static final String INPUT_IDS = "input_ids";
  public static final String ATTENTION_MASK = "attention_mask";
  public static final String EMBED_MASK = "embed_mask";
  public static final String TOKEN_TYPE_IDS = "token_type_ids";
  public static final String EMBEDDING = "embedding";
  public static final String LAST_HIDDEN_STATE = "last_hidden_state";

  public static ModelSignature of(OrtSession session) {
    try {
      return new ModelSignature(ports(session.getInputInfo()), ports(session.getOutputInfo()));
    } catch (OrtException e) {
      throw new ModelLoadException("cannot read the model's inputs and outputs: " + e.getMessage(), e);
    }
  }

  private static List<Port> ports(Map<String, NodeInfo> infos) {
    List<Port> out = new ArrayList<>();
    for (NodeInfo ni : infos.values()) {
      if (ni.getInfo() instanceof TensorInfo ti) {
        out.add(new Port(ni.getName(), ti.type, ti.getShape()));
      } else {
        out.add(new Port(ni.getName(), OnnxJavaType.UNKNOWN, new long[0]));
      }
    }
    return List.copyOf(out);
  }

  public Optional<Port> input(String name) {
    return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<Port> output(String name) {
    return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The family whose contract this graph meets, judged from names alone. */
  public Optional<ModelFamily> inferFamily() {
    if (input(EMBED_MASK).isPresent() && output(EMBEDDING).isPresent()) {
      return Optional.of(ModelFamily.LLM2VEC4CXR);
    }
    if (output(LAST_HIDDEN_STATE).isPresent() && input(INPUT_IDS).isPresent()) {
      return Optional.of(ModelFamily.SENTENCE_TRANSFORMER);
    }
    return Optional.empty();
  }

  /** Checks names, element types and ranks against {@code family}; returns the output to read. */
  public Port require(ModelFamily family) {
    List<String> problems = new ArrayList<>();
    List<String> required = switch (family) {
      case LLM2VEC4CXR -> List.of(INPUT_IDS, ATTENTION_MASK, EMBED_MASK);
      case SENTENCE_TRANSFORMER -> List.of(INPUT_IDS, ATTENTION_MASK);
    };
    List<String> allowed = family == ModelFamily.SENTENCE_TRANSFORMER
        ? List.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS) : required;
    for (String name : required) {
      Optional<Port> p = input(name);
      if (p.isEmpty()) {
        problems.add("missing input '" + name + "'");
      } else {
        checkPort(p.get(), OnnxJavaType.INT64, 2, problems);
      }
    }
    for (Port p : inputs) {
      if (!allowed.contains(p.name())) {
        problems.add("unexpected input '" + p.name() + "'");
      } else if (!required.contains(p.name())) {
        checkPort(p, OnnxJavaType.INT64, 2, problems);
      }
    }
    String outName = family == ModelFamily.LLM2VEC4CXR ? EMBEDDING : LAST_HIDDEN_STATE;
    int outRank = family == ModelFamily.LLM2VEC4CXR ? 2 : 3;
    Optional<Port> out = output(outName);
    if (out.isEmpty()) {
      problems.add("missing output '" + outName + "'");
    } else {
      checkPort(out.get(), OnnxJavaType.FLOAT, outRank, problems);
    }
    if (!problems.isEmpty()) {
      throw new ModelLoadException("the model does not fit the " + family.id() + " contract: " + String.join("; ", problems)
          + ". Expected inputs " + allowed + " (int64 [batch, seq]) and output '" + outName + "' (float, rank " + outRank
          + "). The model has inputs " + inputs + " and outputs " + outputs);
    }
    return out.get();
  }

  private static void checkPort(Port p, OnnxJavaType type, int rank, List<String> problems) {
    if (p.type() != type) {
      problems.add("'" + p.name() + "' is " + p.type() + ", expected " + type);
    }
    if (p.shape().length != rank) {
      problems.add("'" + p.name() + "' has rank " + p.shape().length + ", expected " + rank);
    }
  }

  /** The embedding width when the graph states it statically. */
  public static OptionalInt staticWidth(Port output) {
    long last = output.shape().length == 0 ? -1 : output.shape()[output.shape().length - 1];
    return last > 0 ? OptionalInt.of((int) last) : OptionalInt.empty();
  }
}
