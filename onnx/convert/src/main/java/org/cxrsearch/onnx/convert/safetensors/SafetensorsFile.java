package org.cxrsearch.onnx.convert.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A memory-mapped safetensors file: an 8-byte little-endian header length {@code n}, {@code n} bytes
 * of JSON mapping tensor names to {@code {dtype, shape, data_offsets: [begin, end]}} (offsets
 * relative to the end of the header), then the raw data. The header is validated completely when
 * the file is opened (known dtype, offsets inside the file, byte length = elements × dtype size), so
 * a truncated or corrupt file fails here, naming the tensor, before anything is converted.
 */
public final class SafetensorsFile implements AutoCloseable {

  /** Headers larger than this are rejected as corrupt (the format's own limit is 100 MB). */
  private static final long MAX_HEADER = 100L << 20;

  private final Path path;
  private final FileMappings mappings;
  private final MappedRegion data;
  private final Map<String, TensorInfo> tensors;

  private SafetensorsFile(Path path, FileMappings mappings, MappedRegion data, Map<String, TensorInfo> tensors) {
    this.path = path;
    this.mappings = mappings;
    this.data = data;
    this.tensors = tensors;
  }

  /** Opens and validates {@code path}; {@link #close()} unmaps it. */
  public static SafetensorsFile open(Path path, ObjectMapper json) {
    FileMappings mappings = FileMappings.open();
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) {
        throw new SafetensorsException(path + ": " + size + " bytes, too short for a safetensors header");
      }
      long n = read(ch, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
      if (n <= 0 || n > MAX_HEADER || 8 + n > size) {
        throw new SafetensorsException(path + ": header length " + n + " does not fit a file of " + size
            + " bytes (truncated or not a safetensors file)");
      }
      byte[] header = read(ch, 8, (int) n).array();
      Map<String, TensorInfo> tensors = parseHeader(path, json, header, size - 8 - n);
      MappedRegion data = new MappedRegion(mappings, ch, 8 + n, size - 8 - n);
      return new SafetensorsFile(path, mappings, data, tensors);
    } catch (IOException e) {
      mappings.close();
      throw new SafetensorsException("cannot read " + path + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      mappings.close();
      throw e;
    }
  }

  /** Reads {@code [position, position + length)} of {@code ch} (the header: small, read once, not mapped). */
  private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    while (buf.hasRemaining()) {
      if (ch.read(buf, position + buf.position()) < 0) {
        throw new IOException("unexpected end of file at byte " + (position + buf.position()));
      }
    }
    return buf.flip();
  }

  private static Map<String, TensorInfo> parseHeader(Path path, ObjectMapper json, byte[] header, long dataSize) {
    JsonNode root;
    try {
      root = json.readTree(new String(header, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SafetensorsException(path + ": header is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new SafetensorsException(path + ": header is not a JSON object");
    }
    Map<String, TensorInfo> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (name.equals("__metadata__")) {
        continue;
      }
      out.put(name, parseEntry(path, name, e.getValue(), dataSize));
    }
    return Collections.unmodifiableMap(out);
  }

  private static TensorInfo parseEntry(Path path, String name, JsonNode entry, long dataSize) {
    String where = path + ": tensor '" + name + "'";
    String dtypeName = entry.path("dtype").asText("");
    DType dtype = DType.fromHeader(dtypeName);
    if (dtype == null) {
      throw new SafetensorsException(where + " has dtype '" + dtypeName + "'; the converter reads "
          + List.of(DType.values()));
    }
    JsonNode shapeNode = entry.path("shape");
    JsonNode offsets = entry.path("data_offsets");
    if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
      throw new SafetensorsException(where + " lacks a shape or data_offsets [begin, end]");
    }
    List<Long> dims = new ArrayList<>();
    for (JsonNode d : shapeNode) {
      if (!d.canConvertToLong() || d.asLong() < 0) {
        throw new SafetensorsException(where + " has an invalid shape " + shapeNode);
      }
      dims.add(d.asLong());
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    long begin = offsets.get(0).asLong(-1);
    long end = offsets.get(1).asLong(-1);
    TensorInfo info = new TensorInfo(name, dtype, shape, path, begin, end);
    long expected;
    try {
      expected = Math.multiplyExact(info.elements(), dtype.bytes());
    } catch (ArithmeticException e) {
      throw new SafetensorsException(where + " has shape " + info.shapeString() + ", whose size in bytes does not"
          + " fit in 64 bits (a corrupt header)");
    }
    if (begin < 0 || end < begin || end - begin != expected) {
      throw new SafetensorsException(where + " (" + dtype + " " + info.shapeString() + ") needs " + expected
          + " bytes but data_offsets are [" + begin + ", " + end + "]");
    }
    if (end > dataSize) {
      throw new SafetensorsException(where + " needs bytes [" + begin + ", " + end + ") of the data section, but "
          + "the file holds only " + dataSize + " data bytes: the file is truncated");
    }
    return info;
  }

  public Path path() {
    return path;
  }

  /** Tensors in header order. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /** Decodes elements {@code [first, first + count)} of tensor {@code t} of this file. */
  public void decode(TensorInfo t, long first, float[] out, int outOffset, int count) {
    t.dtype().decode(data, t.begin(), first, out, outOffset, count);
  }

  /** Unmaps the file; a later {@link #decode} throws {@link IllegalStateException}. */
  @Override
  public void close() {
    mappings.close();
  }
}
