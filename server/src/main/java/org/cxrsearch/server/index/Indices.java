package org.cxrsearch.server.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.server.http.ApiException;

/**
 * The indexes a server serves: every sub-directory of the data directory holding a cxrsearch index,
 * plus those created through the API. Each is opened for writing once, on first use, and kept
 * open; {@link #close()} commits and closes them all.
 */
public final class Indices implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Indices.class.getName());

  private final Path dataDir;
  private final Models models;
  private final Map<String, ServedIndex> open = new ConcurrentHashMap<>();

  public Indices(Path dataDir, Models models) throws IOException {
    this.dataDir = Files.createDirectories(dataDir).toRealPath();
    this.models = models;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Models models() {
    return models;
  }

  /** Names of the indexes on disk, sorted. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(dataDir)) {
      for (Path p : (Iterable<Path>) dirs.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (IndexNames.problem(name) == null && (open.containsKey(name) || ReportIndex.exists(p))) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + dataDir, e);
    }
    return out;
  }

  public boolean exists(String name) throws IOException {
    return IndexNames.problem(name) == null && (open.containsKey(name) || ReportIndex.exists(dataDir.resolve(name)));
  }

  /**
   * The open index {@code name}.
   *
   * @throws ApiException 404 if there is none, 400 if the name is invalid
   */
  public ServedIndex get(String name) throws IOException {
    IndexNames.validate(name);
    ServedIndex idx = open.get(name);
    if (idx != null) {
      return idx;
    }
    synchronized (this) {
      idx = open.get(name);
      if (idx == null) {
        Path dir = dataDir.resolve(name);
        if (!ReportIndex.exists(dir)) {
          throw ApiException.indexNotFound(name);
        }
        idx = ServedIndex.openExisting(name, dir, models);
        open.put(name, idx);
      }
      return idx;
    }
  }

  public Optional<ServedIndex> find(String name) throws IOException {
    return exists(name) ? Optional.of(get(name)) : Optional.empty();
  }

  /**
   * Creates index {@code name}.
   *
   * @throws ApiException 400 {@code resource_already_exists_exception} if it exists
   */
  public synchronized ServedIndex create(String name, IndexDefinition definition) throws IOException {
    IndexNames.validate(name);
    if (exists(name)) {
      throw new ApiException(400, "resource_already_exists_exception", "index [" + name + "] already exists",
          Map.of("index", name), null);
    }
    ServedIndex idx = ServedIndex.create(name, dataDir.resolve(name), definition, models);
    open.put(name, idx);
    return idx;
  }

  /** Deletes index {@code name} and its files. @throws ApiException 404 if there is none */
  public synchronized void delete(String name) throws IOException {
    ServedIndex idx = get(name);
    open.remove(name);
    idx.closeWithoutCommit();
    org.cxrsearch.onnx.io.FileOps.deleteRecursively(idx.path());
  }

  /** Commits and closes every open index (graceful shutdown). */
  @Override
  public synchronized void close() {
    for (ServedIndex idx : open.values()) {
      try {
        idx.close();
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "cannot close index " + idx.name(), e);
      }
    }
    open.clear();
  }
}
