package org.cxrsearch.onnx.convert.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tensors of a Hugging Face checkpoint directory: {@code model.safetensors}, or the shards named
 * by {@code model.safetensors.index.json}'s {@code weight_map}. Tensors are decoded to float32 on
 * demand from the memory-mapped files, so a checkpoint larger than the heap can be converted.
 */
public final class Checkpoint implements AutoCloseable {

  public static final String SINGLE_FILE = "model.safetensors";
  public static final String INDEX_FILE = "model.safetensors.index.json";

  private final List<SafetensorsFile> files;
  private final Map<String, TensorInfo> tensors;
  private final Map<String, SafetensorsFile> owner;

  private Checkpoint(List<SafetensorsFile> files) {
    this.files = files;
    Map<String, TensorInfo> all = new LinkedHashMap<>();
    Map<String, SafetensorsFile> own = new LinkedHashMap<>();
    for (SafetensorsFile f : files) {
      for (TensorInfo t : f.tensors().values()) {
        SafetensorsFile previous = own.putIfAbsent(t.name(), f);
        if (previous != null) {
          throw new SafetensorsException("tensor '" + t.name() + "' is stored twice: in " + previous.path()
              + " and in " + f.path());
        }
        all.put(t.name(), t);
      }
    }
    this.tensors = Collections.unmodifiableMap(all);
    this.owner = own;
  }

  /** Opens the safetensors of {@code dir} (single file or sharded). */
  public static Checkpoint open(Path dir, ObjectMapper json) {
    Path index = dir.resolve(INDEX_FILE);
    List<Path> paths = new ArrayList<>();
    if (Files.isRegularFile(index)) {
      paths.addAll(shards(dir, index, json));
    } else if (Files.isRegularFile(dir.resolve(SINGLE_FILE))) {
      paths.add(dir.resolve(SINGLE_FILE));
    } else {
      throw new SafetensorsException(dir + " has neither " + SINGLE_FILE + " nor " + INDEX_FILE + "; it contains "
          + listing(dir));
    }
    List<SafetensorsFile> opened = new ArrayList<>();
    try {
      for (Path p : paths) {
        opened.add(SafetensorsFile.open(p, json));
      }
      return new Checkpoint(List.copyOf(opened));
    } catch (RuntimeException e) {
      opened.forEach(SafetensorsFile::close);
      throw e;
    }
  }

  private static List<Path> shards(Path dir, Path index, ObjectMapper json) {
    JsonNode map;
    try {
      map = json.readTree(index.toFile()).path("weight_map");
    } catch (IOException e) {
      throw new SafetensorsException("cannot read " + index + ": " + e.getMessage(), e);
    }
    if (!map.isObject() || map.isEmpty()) {
      throw new SafetensorsException(index + " has no weight_map");
    }
    TreeSet<String> names = new TreeSet<>();
    for (Iterator<JsonNode> it = map.elements(); it.hasNext(); ) {
      names.add(it.next().asText());
    }
    List<Path> out = new ArrayList<>();
    for (String n : names) {
      Path p = dir.resolve(n).normalize();
      if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
        throw new SafetensorsException(index + " names shard '" + n + "', which is not a file in " + dir);
      }
      out.add(p);
    }
    return out;
  }

  private static String listing(Path dir) {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** All tensors by name. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  public TensorInfo info(String name) {
    TensorInfo t = tensors.get(name);
    if (t == null) {
      throw new SafetensorsException("checkpoint has no tensor '" + name + "'");
    }
    return t;
  }

  /** Total number of elements of all tensors. */
  public long parameters() {
    return tensors.values().stream().mapToLong(TensorInfo::elements).sum();
  }

  /** Decodes a whole tensor to float32 (row-major). For tensors below 2^31 elements. */
  public float[] floats(String name) {
    TensorInfo t = info(name);
    long n = t.elements();
    if (n > Integer.MAX_VALUE - 8) {
      throw new SafetensorsException("tensor '" + name + "' has " + n + " elements; read it in slices");
    }
    float[] out = new float[(int) n];
    read(name, 0, out, 0, (int) n);
    return out;
  }

  /** Decodes elements {@code [first, first + count)} of a tensor into {@code out[outOffset ..]}. */
  public void read(String name, long first, float[] out, int outOffset, int count) {
    TensorInfo t = info(name);
    if (first < 0 || first + count > t.elements()) {
      throw new IndexOutOfBoundsException(name + ": [" + first + ", " + (first + count) + ") of " + t.elements());
    }
    owner.get(name).decode(t, first, out, outOffset, count);
  }

  @Override
  public void close() {
    files.forEach(SafetensorsFile::close);
  }
}
