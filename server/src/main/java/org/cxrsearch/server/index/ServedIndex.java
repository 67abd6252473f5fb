package org.cxrsearch.server.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cxrsearch.indexer.pipeline.DocumentEmbedder;
import org.cxrsearch.lucene.codec.HnswParams;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.search.ReportSearcher;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.searcher.common.IndexModel;

/**
 * One index as the server serves it: the {@link ReportIndex} (open for writing, searched through
 * its near-real-time reader), its {@link ReportSearcher}, and the encoder of the model it records.
 *
 * <p>Durability contract: a write is in Lucene's writer once acknowledged, searchable after a
 * refresh, and durable (it survives {@code kill -9}) after a commit. The server commits on
 * {@link #flush()} ({@code _flush}, and writes with {@code refresh=true} or {@code wait_for}), and on
 * {@link #close()}. A commit is atomic, so a crash never leaves a half-written document: each
 * document is in the last commit entirely (text, fields and vector) or not at all.
 *
 * <p>Server-side settings that Lucene's metadata does not hold (the client's name of the vector
 * field, HNSW parameters) travel in every commit's user data, under {@code server.*}.
 */
public final class ServedIndex implements AutoCloseable {

  private static final String VECTOR_FIELD_KEY = "server.vector_field";
  private static final String HNSW_M_KEY = "server.hnsw.m";
  private static final String HNSW_EF_KEY = "server.hnsw.ef_construction";
  private static final String CREATED_KEY = "server.created";
  private static final String RADIOLOGY_KEY = "server.radiology";

  private final String name;
  private final ReportIndex index;
  private final ReportSearcher searcher;
  private final TextEncoder encoder;
  private final DocumentEmbedder embedder;
  private final Map<String, String> serverData;
  private final AtomicLong seqNo = new AtomicLong();
  private final Object commitLock = new Object();
  private volatile boolean dirty;
  /** References: one held by {@link Indices} while the index is served, one per request using it. */
  private final java.util.concurrent.atomic.AtomicInteger refs = new java.util.concurrent.atomic.AtomicInteger(1);

  private ServedIndex(String name, ReportIndex index, TextEncoder encoder, Map<String, String> serverData) {
    this.name = name;
    this.index = index;
    this.searcher = new ReportSearcher(index);
    this.encoder = encoder;
    this.embedder = new DocumentEmbedder(encoder, index.metadata().documentInstruction());
    this.serverData = Map.copyOf(serverData);
  }

  static ServedIndex create(String name, Path dir, IndexDefinition def, Models models) throws IOException {
    TextEncoder encoder;
    try {
      encoder = models.forRequest(def.model());
    } catch (org.cxrsearch.onnx.bundle.ModelLoadException | IllegalArgumentException e) { // not allowed, or cannot open
      throw org.cxrsearch.server.http.ApiException.illegalArgument("[index.cxr.model] " + e.getMessage());
    }
    if (def.dims() != 0 && def.dims() != encoder.info().dimensions()) {
      throw org.cxrsearch.server.http.ApiException.illegalArgument("mapping [" + def.vectorField() + "].dims is " + def.dims()
          + " but the model " + encoder.info().name() + " makes " + encoder.info().dimensions() + "-d vectors");
    }
    String spec = def.model() == null ? models.defaultModel() : def.model();
    IndexMetadata metadata = new IndexMetadata(encoder.info(), def.documentInstruction(), def.quantization(), modelSource(spec));
    Map<String, String> data = new HashMap<>();
    data.put(VECTOR_FIELD_KEY, def.vectorField());
    data.put(HNSW_M_KEY, Integer.toString(def.hnsw().maxConn()));
    data.put(HNSW_EF_KEY, Integer.toString(def.hnsw().beamWidth()));
    data.put(CREATED_KEY, Long.toString(Instant.now().toEpochMilli()));
    data.put(RADIOLOGY_KEY, Boolean.toString(def.radiology()));
    ReportIndex index = ReportIndex.openForWriting(dir, metadata, IndexSettings.DEFAULTS.withHnsw(def.hnsw()).withRadiology(def.radiology()));
    try {
      ServedIndex served = new ServedIndex(name, index, encoder, data);
      served.flush(); // the index exists, with its server settings, once the create call is acknowledged
      return served;
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  static ServedIndex openExisting(String name, Path dir, Models models) throws IOException {
    IndexMetadata metadata = ReportIndex.readMetadata(dir);
    TextEncoder encoder = models.get(metadata.modelSpec());
    IndexModel.requireSameModel(metadata, encoder.info());
    ReportIndex probe = ReportIndex.openReadOnly(dir);
    Map<String, String> data = new HashMap<>();
    try (probe) {
      probe.committedUserData().forEach((k, v) -> {
        if (k.startsWith("server.")) {
          data.put(k, v);
        }
      });
    }
    // An index that `cxrsearch index` built has the radiology layer unless it was turned off; the
    // server's own indexes record their choice.
    boolean radiology = Boolean.parseBoolean(data.getOrDefault(RADIOLOGY_KEY, "true"));
    ReportIndex index = ReportIndex.openForWriting(dir, metadata, IndexSettings.DEFAULTS.withHnsw(hnsw(data)).withRadiology(radiology));
    return new ServedIndex(name, index, encoder, data);
  }

  /** A directory as an absolute path (works from any working directory), anything else as given. */
  private static String modelSource(String spec) {
    try {
      Path p = Path.of(spec);
      if (Files.isDirectory(p)) {
        return p.toAbsolutePath().normalize().toString();
      }
    } catch (InvalidPathException notAPath) {
      // a hub id or "default"
    }
    return spec;
  }

  public String name() {
    return name;
  }

  public Path path() {
    return index.path();
  }

  public ReportIndex index() {
    return index;
  }

  public ReportSearcher searcher() {
    return searcher;
  }

  public TextEncoder encoder() {
    return encoder;
  }

  public IndexMetadata metadata() {
    return index.metadata();
  }

  /** The name clients use for the vector field. */
  public String vectorField() {
    return serverData.getOrDefault(VECTOR_FIELD_KEY, org.cxrsearch.lucene.schema.ReportFields.VECTOR);
  }

  public HnswParams hnsw() {
    return hnsw(serverData);
  }

  /** The HNSW parameters recorded in the server's commit data; Lucene's defaults for an index built by the CLI. */
  private static HnswParams hnsw(Map<String, String> data) {
    return data.containsKey(HNSW_M_KEY)
        ? new HnswParams(Integer.parseInt(data.get(HNSW_M_KEY)), Integer.parseInt(data.get(HNSW_EF_KEY)))
        : HnswParams.DEFAULTS;
  }

  /** Creation time in epoch milliseconds, 0 when unknown (an index built by {@code cxrsearch index}). */
  public long createdMillis() {
    return Long.parseLong(serverData.getOrDefault(CREATED_KEY, "0"));
  }

  /** What happened to one document of a write. */
  public sealed interface WriteOutcome {
    /** Written; {@code seqNo} orders the writes of this index. */
    record Written(String id, long seqNo) implements WriteOutcome {}

    /** Refused, with the reason naming the field. */
    record Refused(String id, String reason) implements WriteOutcome {}
  }

  /**
   * Embeds {@code reports} in one call (length-sorted batches) and upserts each; a report the
   * schema refuses (a zero vector, an over-long keyword) fails alone. Not durable before a {@link #flush()}.
   */
  public List<WriteOutcome> upsert(List<ReportDocument> reports) throws IOException {
    float[][] vectors = reports.isEmpty() ? new float[0][] : embedder.embed(reports);
    List<WriteOutcome> out = new ArrayList<>(reports.size());
    for (int i = 0; i < reports.size(); i++) {
      ReportDocument r = reports.get(i);
      try {
        index.upsert(r, vectors[i]);
        dirty = true;
        out.add(new WriteOutcome.Written(r.id(), seqNo.getAndIncrement()));
      } catch (IllegalArgumentException e) {
        out.add(new WriteOutcome.Refused(r.id(), e.getMessage()));
      }
    }
    return out;
  }

  /** Deletes {@code id} (if present); returns the write's sequence number. */
  public long delete(String id) throws IOException {
    index.delete(id);
    dirty = true;
    return seqNo.getAndIncrement();
  }

  /**
   * Whether report {@code id} exists, counting writes not yet refreshed (Elasticsearch's get is
   * real-time): the reader is refreshed first when there are such writes.
   */
  public boolean exists(String id) throws IOException {
    return realtimeGet(id).isPresent();
  }

  /** The stored report {@code id}, counting writes not yet refreshed. */
  public Optional<ReportDocument> realtimeGet(String id) throws IOException {
    refreshIfDirty();
    return index.get(id);
  }

  /** Refreshes the reader if anything was written since the last refresh. */
  public void refreshIfDirty() throws IOException {
    if (dirty) {
      refresh();
    }
  }

  public long nextSeqNo() {
    return seqNo.get();
  }

  /** Makes acknowledged writes searchable. */
  public void refresh() throws IOException {
    dirty = false; // before: a write racing with this refresh sets it again
    index.refresh();
  }

  /** Makes acknowledged writes durable (a Lucene commit, fsynced) and searchable. */
  public void flush() throws IOException {
    synchronized (commitLock) {
      dirty = false;
      index.commit(serverData); // refreshes this index's searchers too
    }
  }

  /** Commits and closes (graceful shutdown). */
  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      index.close();
    }
  }

  /** Takes a reference unless the index is deleted (its count already dropped to zero). */
  boolean tryIncRef() {
    for (int n = refs.get(); n > 0; n = refs.get()) {
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Drops a reference; true if it was the last one, and the index may be closed. */
  boolean decRef() {
    return refs.decrementAndGet() == 0;
  }

  /** Closes without committing (the index is being deleted). */
  void closeWithoutCommit() throws IOException {
    index.close();
  }
}
