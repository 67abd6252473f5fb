package org.cxrsearch.onnx.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.cxrsearch.onnx.proto.OnnxModelScan;
import org.cxrsearch.onnx.proto.OnnxModelScan.TensorHeader;

/**
 * The external-data references of an ONNX model, and the check that they stay inside the bundle.
 *
 * <p>ONNX stores large tensors outside the protobuf (which is limited to 2 GB): a tensor's
 * {@code external_data} entries name a {@code location} relative to the model file plus an optional
 * {@code offset} and {@code length}. ONNX Runtime reads those bytes into the tensor, so a model whose
 * location is {@code ../../etc/passwd} or an absolute path, or a symbolic link pointing out of the
 * bundle, would load an arbitrary file into the weights. {@link #check} refuses such locations before
 * the runtime ever sees the model, and also checks that every referenced file exists and holds at
 * least {@code offset + length} bytes, so a truncated download fails here with the tensor's name
 * rather than deep inside the runtime.
 *
 * <p>Every tensor of the model is visited: graph initializers, sparse initializers, tensor-valued
 * node attributes (such as {@code Constant}), nested sub-graphs ({@code If}, {@code Loop},
 * {@code Scan}) and the nodes of model-local functions.
 *
 * <p>The model is memory-mapped and walked by {@link OnnxModelScan}, so inline {@code raw_data} is
 * not copied onto the heap: checking a model with large inline weights costs no more memory than its
 * metadata.
 */
public final class ExternalData {

  /** One tensor stored outside the model file. */
  public record Reference(String tensor, String location, long offset, OptionalLong length, OptionalLong dataBytes) {

    /** The bytes the tensor needs from its file: the declared length, else its size from type and shape. */
    public OptionalLong requiredLength() {
      return length.isPresent() ? length : dataBytes;
    }
  }

  private static final int EXTERNAL = 1; // TensorProto.DataLocation.EXTERNAL

  private ExternalData() {}

  /** The external-data references of every tensor of {@code model}, in graph order. */
  public static List<Reference> references(Path model) {
    List<Reference> out = new ArrayList<>();
    try {
      OnnxModelScan.scan(model, new OnnxModelScan.Visitor() {
        @Override
        public void tensor(TensorHeader t) {
          ExternalData.tensor(t, model, out);
        }
      });
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelLoadException("cannot parse " + model + " as an ONNX model: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Checks that every external-data reference of {@code model} names an existing file inside
   * {@code bundleDir} with enough bytes.
   *
   * @return the distinct external files, resolved inside the bundle
   * @throws ModelLoadException naming the tensor and its location on the first bad reference
   */
  public static List<Path> check(Path bundleDir, Path model) {
    Map<Path, Long> sizes = new HashMap<>();
    List<Path> files = new ArrayList<>();
    String modelName = model.getFileName().toString();
    for (Reference ref : references(model)) {
      String what = "tensor '" + ref.tensor() + "' in " + modelName;
      Path file = BundlePaths.resolveInside(bundleDir, ref.location(), what);
      Long size = sizes.get(file);
      if (size == null) {
        if (!Files.isRegularFile(file)) {
          throw new ModelLoadException(what + " stores its data in '" + ref.location() + "', which does not exist in "
              + bundleDir + "; the bundle contains " + BundlePaths.list(bundleDir));
        }
        try {
          size = Files.size(file);
        } catch (IOException e) {
          throw new ModelLoadException("cannot read the size of " + file + " (" + what + "): " + e.getMessage(), e);
        }
        sizes.put(file, size);
        files.add(file);
      }
      long need = ref.requiredLength().orElse(0);
      // offset + need may exceed Long.MAX_VALUE (a crafted model): compare without adding.
      if (need > size || ref.offset() > size - need) {
        String range = ref.offset() <= Long.MAX_VALUE - need
            ? "bytes [" + ref.offset() + ", " + (ref.offset() + need) + ")"
            : need + " bytes from offset " + ref.offset();
        throw new ModelLoadException(what + " needs " + range + " of '" + ref.location()
            + "', but that file has only " + size + " bytes (truncated?)");
      }
    }
    return List.copyOf(files);
  }

  private static void tensor(TensorHeader t, Path model, List<Reference> out) {
    if (t.externalData().isEmpty() && t.dataLocation() != EXTERNAL) {
      return;
    }
    String name = t.name();
    String location = null;
    long offset = 0;
    OptionalLong length = OptionalLong.empty();
    for (Map.Entry<String, String> e : t.externalData()) {
      switch (e.getKey()) {
        case "location" -> location = e.getValue();
        case "offset" -> offset = parseNonNegative(e.getValue(), "offset", name, model);
        case "length" -> length = OptionalLong.of(parseNonNegative(e.getValue(), "length", name, model));
        default -> { } // "checksum" and future keys do not affect where bytes are read from
      }
    }
    if (location == null) {
      throw new ModelLoadException("tensor '" + name + "' in " + model.getFileName()
          + " is marked as external data but has no 'location' entry");
    }
    OptionalLong dataBytes;
    try {
      dataBytes = dataBytes(t);
    } catch (ArithmeticException e) {
      throw new ModelLoadException("tensor '" + name + "' in " + model.getFileName() + " (data in '" + location
          + "') has shape " + t.dims() + ", whose size in bytes does not fit in 64 bits");
    }
    out.add(new Reference(name, location, offset, length, dataBytes));
  }

  private static long parseNonNegative(String value, String key, String tensor, Path model) {
    try {
      long v = Long.parseLong(value.trim());
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ModelLoadException("tensor '" + tensor + "' in " + model.getFileName() + " has external-data " + key
        + " '" + value + "'; expected a non-negative integer");
  }

  /**
   * Bytes of a dense tensor of fixed-size elements, from its data type and shape; empty when unknown.
   *
   * @throws ArithmeticException if the size does not fit in a {@code long}
   */
  static OptionalLong dataBytes(TensorHeader t) {
    int bits = elementBits(t.dataType());
    if (bits == 0) {
      return OptionalLong.empty();
    }
    long count = 1;
    for (long d : t.dims()) {
      if (d < 0) {
        return OptionalLong.empty();
      }
      count = Math.multiplyExact(count, d);
    }
    return OptionalLong.of((Math.multiplyExact(count, bits) + 7) / 8);
  }

  /** Bits per element of an ONNX {@code TensorProto.DataType}; 0 for strings and unknown types. */
  private static int elementBits(int dataType) {
    return switch (dataType) {
      case 2, 3, 9, 17, 18, 19, 20 -> 8;   // uint8, int8, bool, float8 variants
      case 4, 5, 10, 16 -> 16;             // uint16, int16, float16, bfloat16
      case 1, 6, 12 -> 32;                 // float, int32, uint32
      case 7, 11, 13, 14 -> 64;            // int64, double, uint64, complex64
      case 15 -> 128;                      // complex128
      case 21, 22, 23 -> 4;                // uint4, int4, float4e2m1
      default -> 0;
    };
  }
}
