package org.cxrsearch.onnx.convert.graph;

/**
 * A named tensor of the graph under construction (a graph input, a constant or a node output).
 *
 * @param name the tensor's name in the graph; empty for an omitted optional input or output
 */
public record Value(String name) {

  /** An omitted optional input. */
  public static final Value NONE = new Value("");
}
