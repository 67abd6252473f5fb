package org.cxrsearch.onnx.proto;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks the parts of an ONNX {@code ModelProto} the runtime needs (node operator types, tensor
 * headers and their external-data entries) straight from the protobuf wire format, so the encoder
 * runtime needs no protobuf library. Field numbers are those of {@code onnx/onnx.proto3}.
 *
 * <p>Visited: the main graph, sub-graphs in node attributes ({@code If}, {@code Loop}, {@code Scan})
 * and the nodes of model-local functions; tensors are graph initializers, sparse initializers and
 * tensor-valued attributes. Length-delimited fields are sliced, never copied, so a model with large
 * inline {@code raw_data} costs no heap: the file is memory-mapped.
 */
public final class OnnxModelScan {

  /**
   * Receives what the scan finds: per graph its initializers, sparse initializers, then its nodes
   * (each node before the sub-graphs in its attributes); function nodes after the main graph.
   */
  public interface Visitor {
    default void node(String opType) {}

    default void tensor(TensorHeader tensor) {}
  }

  /**
   * A tensor without its data.
   *
   * @param dataLocation 0 default (inline), 1 external
   * @param externalData the {@code external_data} key/value entries, in order
   */
  public record TensorHeader(String name, int dataType, List<Long> dims, int dataLocation,
      List<Map.Entry<String, String>> externalData) {}

  private OnnxModelScan() {}

  /** Scans the model file {@code model}. */
  public static void scan(Path model, Visitor visitor) throws IOException {
    try (FileChannel ch = FileChannel.open(model, StandardOpenOption.READ)) {
      scan(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()), visitor);
    }
  }

  /**
   * Scans a serialized {@code ModelProto}.
   *
   * @throws IllegalArgumentException if the bytes are not a well-formed protobuf message
   */
  public static void scan(ByteBuffer model, Visitor visitor) {
    try {
      new OnnxModelScan.Walk(visitor).model(model.slice().order(ByteOrder.LITTLE_ENDIAN));
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("truncated protobuf message", e);
    }
  }

  private record Walk(Visitor visitor) {

    void model(ByteBuffer b) {
      for (Wire w = new Wire(b); w.next(); ) {
        switch (w.field()) {
          case 7 -> graph(w.bytes());                     // graph
          case 25 -> function(w.bytes());                 // functions
          default -> w.skip();
        }
      }
    }

    void function(ByteBuffer b) {
      for (Wire w = new Wire(b); w.next(); ) {
        if (w.field() == 7) {                             // node
          node(w.bytes());
        } else {
          w.skip();
        }
      }
    }

    /** Initializers, then sparse initializers, then nodes: a graph's own order, not its field order. */
    void graph(ByteBuffer b) {
      List<ByteBuffer> nodes = new ArrayList<>();
      List<ByteBuffer> sparse = new ArrayList<>();
      for (Wire w = new Wire(b); w.next(); ) {
        switch (w.field()) {
          case 1 -> nodes.add(w.bytes());                 // node
          case 5 -> tensor(w.bytes());                    // initializer
          case 15 -> sparse.add(w.bytes());               // sparse_initializer
          default -> w.skip();
        }
      }
      sparse.forEach(this::sparse);
      nodes.forEach(this::node);
    }

    void node(ByteBuffer b) {
      List<ByteBuffer> attributes = new ArrayList<>();
      String opType = "";
      for (Wire w = new Wire(b); w.next(); ) {
        switch (w.field()) {
          case 4 -> opType = w.string();                  // op_type
          case 5 -> attributes.add(w.bytes());            // attribute
          default -> w.skip();
        }
      }
      visitor.node(opType);
      attributes.forEach(this::attribute);
    }

    void attribute(ByteBuffer b) {
      for (Wire w = new Wire(b); w.next(); ) {
        switch (w.field()) {
          case 5, 10 -> tensor(w.bytes());                // t, tensors
          case 6, 11 -> graph(w.bytes());                 // g, graphs
          case 22, 23 -> sparse(w.bytes());               // sparse_tensor, sparse_tensors
          default -> w.skip();
        }
      }
    }

    void sparse(ByteBuffer b) {
      for (Wire w = new Wire(b); w.next(); ) {
        if (w.field() == 1 || w.field() == 2) {           // values, indices
          tensor(w.bytes());
        } else {
          w.skip();
        }
      }
    }

    void tensor(ByteBuffer b) {
      String name = "";
      int dataType = 0;
      int location = 0;
      List<Long> dims = new ArrayList<>();
      List<Map.Entry<String, String>> external = new ArrayList<>();
      for (Wire w = new Wire(b); w.next(); ) {
        switch (w.field()) {
          case 1 -> {                                     // dims: packed or not
            if (w.wireType() == Wire.LENGTH_DELIMITED) {
              for (Wire packed = new Wire(w.bytes()); packed.hasRemaining(); ) {
                dims.add(packed.varint());
              }
            } else {
              dims.add(w.varint());
            }
          }
          case 2 -> dataType = (int) w.varint();          // data_type
          case 8 -> name = w.string();                    // name
          case 13 -> external.add(entry(w.bytes()));      // external_data
          case 14 -> location = (int) w.varint();         // data_location
          default -> w.skip();
        }
      }
      visitor.tensor(new TensorHeader(name, dataType, List.copyOf(dims), location, List.copyOf(external)));
    }

    static Map.Entry<String, String> entry(ByteBuffer b) {
      String key = "";
      String value = "";
      for (Wire w = new Wire(b); w.next(); ) {
        switch (w.field()) {
          case 1 -> key = w.string();
          case 2 -> value = w.string();
          default -> w.skip();
        }
      }
      return Map.entry(key, value);
    }
  }

  /** A cursor over one message's fields: tag, then the value of the tag's wire type. */
  private static final class Wire {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteBuffer b;
    private int field;
    private int wireType;

    Wire(ByteBuffer b) {
      this.b = b;
    }

    boolean hasRemaining() {
      return b.hasRemaining();
    }

    boolean next() {
      if (!b.hasRemaining()) {
        return false;
      }
      long tag = varint();
      field = (int) (tag >>> 3);
      wireType = (int) (tag & 7);
      if (field == 0) {
        throw new IllegalArgumentException("protobuf field number 0 at byte " + b.position());
      }
      return true;
    }

    int field() {
      return field;
    }

    int wireType() {
      return wireType;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b.get();
        v |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("malformed varint at byte " + b.position());
    }

    /** The length-delimited value, as a slice of the same memory. */
    ByteBuffer bytes() {
      expect(LENGTH_DELIMITED);
      long n = varint();
      if (n < 0 || n > b.remaining()) {
        throw new IllegalArgumentException("field " + field + " declares " + n + " bytes but " + b.remaining()
            + " remain");
      }
      ByteBuffer slice = b.slice(b.position(), (int) n).order(ByteOrder.LITTLE_ENDIAN);
      b.position(b.position() + (int) n);
      return slice;
    }

    String string() {
      ByteBuffer s = bytes();
      byte[] bytes = new byte[s.remaining()];
      s.get(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    void skip() {
      switch (wireType) {
        case VARINT -> varint();
        case FIXED64 -> b.position(b.position() + 8);
        case LENGTH_DELIMITED -> bytes();
        case FIXED32 -> b.position(b.position() + 4);
        default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType + " (field "
            + field + ")");
      }
    }

    private void expect(int type) {
      if (wireType != type) {
        throw new IllegalArgumentException("field " + field + " has wire type " + wireType + ", expected " + type);
      }
    }
  }
}
