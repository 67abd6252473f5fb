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
 *
 * <p>Deleting an index while requests use it: a request holds a reference on every index it looks
 * up, for as long as its {@link Leases} scope is open (the dispatcher opens one around each request).
 * {@link #delete} drops the server's own reference and hides the index at once (new look-ups are 404);
 * the last reference released closes it and deletes its files, so no request sees it closed under it.
 */
public final class Indices implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Indices.class.getName());

  private final Path dataDir;
  private final Models models;
  private final Map<String, ServedIndex> open = new ConcurrentHashMap<>();
  /** Deleted indexes that requests still use; their files go when the last one is done. */
  private final Map<String, ServedIndex> deleting = new ConcurrentHashMap<>();
  /** The leases scope of the request the current thread serves, if any. */
  private final ThreadLocal<Leases> leases = new ThreadLocal<>();

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
        if (IndexNames.problem(name) == null && !deleting.containsKey(name) && (open.containsKey(name) || ReportIndex.exists(p))) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + dataDir, e);
    }
    return out;
  }

  public boolean exists(String name) throws IOException {
    return IndexNames.problem(name) == null && !deleting.containsKey(name)
        && (open.containsKey(name) || ReportIndex.exists(dataDir.resolve(name)));
  }

  /**
   * The open index {@code name}.
   *
   * @throws ApiException 404 if there is none, 400 if the name is invalid
   */
  public ServedIndex get(String name) throws IOException {
    ServedIndex idx = lookup(name);
    Leases scope = leases.get();
    if (scope != null && !scope.hold(idx)) {
      throw ApiException.indexNotFound(name); // deleted since the look-up
    }
    return idx;
  }

  /**
   * Opens a scope in which every index the current thread looks up stays open, even if deleted,
   * until {@link Leases#close()}. Scopes nest.
   */
  public Leases openLeases() {
    Leases scope = new Leases(leases.get());
    leases.set(scope);
    return scope;
  }

  private ServedIndex lookup(String name) throws IOException {
    IndexNames.validate(name);
    ServedIndex idx = open.get(name);
    if (idx != null) {
      return idx;
    }
    synchronized (this) {
      idx = open.get(name);
      if (idx == null) {
        Path dir = dataDir.resolve(name);
        if (deleting.containsKey(name) || !ReportIndex.exists(dir)) {
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
    if (deleting.containsKey(name)) {
      throw new ApiException(400, "resource_already_exists_exception",
          "index [" + name + "] is being deleted (requests still use it); retry", Map.of("index", name), null);
    }
    if (exists(name)) {
      throw new ApiException(400, "resource_already_exists_exception", "index [" + name + "] already exists",
          Map.of("index", name), null);
    }
    ServedIndex idx = ServedIndex.create(name, dataDir.resolve(name), definition, models);
    open.put(name, idx);
    Leases scope = leases.get();
    if (scope != null) {
      scope.hold(idx); // the creating request writes to it next: a delete must not close it under that request
    }
    return idx;
  }

  /** Deletes index {@code name} and its files. @throws ApiException 404 if there is none */
  public synchronized void delete(String name) throws IOException {
    ServedIndex idx = lookup(name);
    deleting.put(name, idx);
    open.remove(name);
    release(idx); // the server's own reference
  }

  /** Drops one reference; the last one of a deleted index closes it and deletes its files. */
  private void release(ServedIndex idx) throws IOException {
    if (idx.decRef()) {
      try {
        idx.closeWithoutCommit();
        org.cxrsearch.onnx.io.FileOps.deleteRecursively(idx.path());
      } finally {
        deleting.remove(idx.name(), idx);
      }
    }
  }

  /** The indexes one request uses; see {@link #openLeases()}. */
  public final class Leases implements AutoCloseable {
    private final Leases outer;
    private final java.util.Set<ServedIndex> held = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private Leases(Leases outer) {
      this.outer = outer;
    }

    /** Takes a reference on {@code idx} once per scope; false if it is deleted. */
    private boolean hold(ServedIndex idx) {
      if (held.contains(idx)) {
        return true;
      }
      if (!idx.tryIncRef()) {
        return false;
      }
      held.add(idx);
      return true;
    }

    /**
     * Releases every index this scope holds and restores the enclosing scope. A failure to close a
     * deleted index is logged: the request it ends has its answer already.
     */
    @Override
    public void close() {
      if (outer == null) {
        leases.remove();
      } else {
        leases.set(outer);
      }
      for (ServedIndex idx : held) {
        try {
          release(idx);
        } catch (IOException | RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, "cannot close or remove deleted index " + idx.name(), e);
        }
      }
      held.clear();
    }
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
    for (ServedIndex idx : deleting.values()) { // deleted, but a request outlived the graceful stop
      try {
        idx.closeWithoutCommit();
        org.cxrsearch.onnx.io.FileOps.deleteRecursively(idx.path());
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "cannot remove deleted index " + idx.name(), e);
      }
    }
    deleting.clear();
  }
}
