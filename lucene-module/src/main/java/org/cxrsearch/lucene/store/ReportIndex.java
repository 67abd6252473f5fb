package org.cxrsearch.lucene.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOFunction;
import org.cxrsearch.lucene.codec.CxrSearchCodec;
import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.radiology.RadiologyEnricher;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.lucene.schema.ReportFields;

/**
 * A report index on disk: the one entry point to create, update and search it.
 *
 * <ul>
 *   <li>{@link #openForWriting}: creates the index or appends to it. A new index gets a first,
 *       empty commit carrying its {@link IndexMetadata}; an existing one must have been built with
 *       the same model, instruction and quantization ({@link IncompatibleIndexException}
 *       otherwise). Searches see uncommitted changes after {@link #refresh()} (near-real-time
 *       reader from the writer).
 *   <li>{@link #openReadOnly}: searches the last commit; {@link #refresh()} picks up commits that
 *       another process (an indexer) made meanwhile.
 * </ul>
 *
 * <p>Writes are upserts by id ({@link IndexWriter#updateDocument} on the {@code id} term), so
 * re-indexing a report replaces it. Nothing is visible to other processes before {@link #commit},
 * and {@link #close()} does not commit; a crash loses at most the work since the last commit, never
 * earlier commits.
 *
 * <p>Thread-safe: Lucene's writer and searcher manager are.
 */
public final class ReportIndex implements Closeable {

  private static final System.Logger LOG = System.getLogger(ReportIndex.class.getName());

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;
  private final IndexMetadata metadata;
  private final ReportDocumentMapper mapper;

  private ReportIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers, IndexMetadata metadata,
      boolean radiology) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.metadata = metadata;
    this.mapper = new ReportDocumentMapper(metadata.dimensions(), radiology ? RadiologyEnricher.standard() : null);
  }

  /**
   * Opens {@code path} for writing, creating the index (and the directory) if there is none.
   *
   * @throws IncompatibleIndexException if the existing index was built with other {@code metadata}
   */
  public static ReportIndex openForWriting(Path path, IndexMetadata metadata, IndexSettings settings) throws IOException {
    Objects.requireNonNull(metadata, "metadata");
    Files.createDirectories(path);
    Directory dir = FSDirectory.open(path);
    try {
      boolean exists = DirectoryReader.indexExists(dir);
      Map<String, String> userData = new HashMap<>();
      if (exists) {
        userData.putAll(SegmentInfos.readLatestCommit(dir).getUserData());
        IndexMetadata.fromUserData(userData, path.toString()).requireCompatible(metadata, path.toString());
      }
      IndexWriterConfig config =
          new IndexWriterConfig(new ReportAnalyzer())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setCodec(new CxrSearchCodec(metadata.quantization(), settings.hnsw()))
              .setRAMBufferSizeMB(settings.ramBufferMb())
              // Only an explicit commit() makes work durable: a run that fails and closes the index must
              // not publish a part of its work as if it were a finished commit.
              .setCommitOnClose(false);
      IndexWriter writer = new IndexWriter(dir, config);
      try {
        userData.putAll(metadata.toUserData());
        writer.setLiveCommitData(userData.entrySet());
        if (!exists) {
          writer.commit(); // readers of an empty index still find the model it is meant for
        }
        LOG.log(System.Logger.Level.INFO, () -> "index: " + (exists ? "appending to " : "created ") + path + " model="
            + metadata.encoder().name() + " dims=" + metadata.dimensions() + " quantization=" + metadata.quantization()
            + " hnsw=" + settings.hnsw() + " ramBufferMb=" + settings.ramBufferMb() + " radiology=" + settings.radiology());
        return new ReportIndex(path, dir, writer, new SearcherManager(writer, null), metadata, settings.radiology());
      } catch (IOException | RuntimeException e) {
        writer.rollback();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Opens the last commit of an existing index for searching.
   *
   * @throws IndexNotFoundException if there is no index at {@code path}
   * @throws IncompatibleIndexException if it is not a cxrsearch index
   */
  public static ReportIndex openReadOnly(Path path) throws IOException {
    Directory dir = openExisting(path);
    try {
      DirectoryReader reader = DirectoryReader.open(dir);
      try {
        IndexMetadata metadata = IndexMetadata.fromUserData(reader.getIndexCommit().getUserData(), path.toString());
        return new ReportIndex(path, dir, null, new SearcherManager(reader, null), metadata, false);
      } catch (RuntimeException e) {
        reader.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** Whether {@code path} is a directory holding a (Lucene) index; creates nothing. */
  public static boolean exists(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false; // checked first: FSDirectory.open would create the directory
    }
    try (Directory dir = FSDirectory.open(path)) {
      return DirectoryReader.indexExists(dir);
    }
  }

  /**
   * Reads the metadata of the last commit at {@code path} without opening a reader; creates nothing.
   *
   * @throws IndexNotFoundException if there is no index at {@code path}
   * @throws IncompatibleIndexException if it is not a cxrsearch index
   */
  public static IndexMetadata readMetadata(Path path) throws IOException {
    try (Directory dir = openExisting(path)) {
      return IndexMetadata.fromUserData(SegmentInfos.readLatestCommit(dir).getUserData(), path.toString());
    }
  }

  /** The directory of an existing index, refused with a message naming the path otherwise. */
  private static Directory openExisting(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      throw new IndexNotFoundException("no index at " + path + ": not a directory");
    }
    Directory dir = FSDirectory.open(path);
    try {
      if (!DirectoryReader.indexExists(dir)) {
        throw new IndexNotFoundException("no index at " + path + " (no segments file); create one with `cxrsearch index`");
      }
      return dir;
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  public IndexMetadata metadata() {
    return metadata;
  }

  public ReportDocumentMapper mapper() {
    return mapper;
  }

  public boolean writable() {
    return writer != null;
  }

  /** Adds {@code report}, replacing any report with the same id. Visible after {@link #refresh()}. */
  public void upsert(ReportDocument report, float[] vector) throws IOException {
    Document doc = mapper.toDocument(report, vector);
    requireWriter().updateDocument(idTerm(report.id()), doc);
  }

  /** Deletes the report with this id, if any. */
  public void delete(String id) throws IOException {
    requireWriter().deleteDocuments(idTerm(id));
  }

  /** Commits, recording the metadata; same as {@code commit(Map.of())}. */
  public void commit() throws IOException {
    commit(Map.of());
  }

  /**
   * Makes every change durable and visible to other processes. {@code extra} entries (such as an
   * indexer's progress) are stored in the commit user data next to the metadata and replace the
   * previous commit's extras; keys starting with {@code cxr.} are reserved. This index's own
   * searchers are refreshed too.
   */
  public void commit(Map<String, String> extra) throws IOException {
    IndexWriter w = requireWriter();
    Map<String, String> userData = new HashMap<>();
    extra.forEach((k, v) -> {
      if (k.startsWith("cxr.")) {
        throw new IllegalArgumentException("commit user data keys starting with 'cxr.' are reserved: " + k);
      }
      userData.put(k, v);
    });
    userData.putAll(metadata.toUserData());
    w.setLiveCommitData(userData.entrySet());
    w.commit();
    searchers.maybeRefreshBlocking();
  }

  /** The user data of the last commit (metadata and extras). */
  public Map<String, String> committedUserData() throws IOException {
    return Map.copyOf(SegmentInfos.readLatestCommit(directory).getUserData());
  }

  /**
   * Makes recent changes searchable: uncommitted ones for a writable index, new commits of another
   * process for a read-only one. Blocks until the new searcher is ready.
   */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Runs {@code action} with a current searcher, released afterwards. */
  public <T> T withSearcher(IOFunction<IndexSearcher, T> action) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return action.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Live documents in the current searcher. */
  public int numDocs() throws IOException {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  /**
   * The content hash stored for {@code id} in the current searcher, empty if the id is absent. A
   * resumed indexer skips a report whose {@link ReportDocument#contentHash()} equals it.
   */
  public Optional<String> contentHash(String id) throws IOException {
    return withDocument(id, (s, doc) -> s.storedFields().document(doc).get(ReportFields.CONTENT_HASH));
  }

  /** The stored report with this id in the current searcher, if any. */
  public Optional<ReportDocument> get(String id) throws IOException {
    return withDocument(id, (s, doc) -> ReportDocumentMapper.fromDocument(s.storedFields().document(doc)));
  }

  /**
   * The stored (full float, unit) vector of report {@code id} in the current searcher, if any.
   * Quantized indexes keep the float vectors too, so this is exact for every quantization.
   */
  public Optional<float[]> vector(String id) throws IOException {
    return withDocument(id, (s, doc) -> {
      LeafReaderContext leaf = s.getIndexReader().leaves().get(ReaderUtil.subIndex(doc, s.getIndexReader().leaves()));
      FloatVectorValues values = leaf.reader().getFloatVectorValues(ReportFields.VECTOR);
      KnnVectorValues.DocIndexIterator it = values == null ? null : values.iterator();
      if (it == null || it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
        return null;
      }
      return values.vectorValue(it.index()).clone();
    });
  }

  /** What {@code action} makes of report {@code id}'s doc in the current searcher; empty if absent or null. */
  private <T> Optional<T> withDocument(String id, DocFunction<T> action) throws IOException {
    return withSearcher(s -> {
      TopDocs top = s.search(new TermQuery(idTerm(id)), 1);
      return top.scoreDocs.length == 0 ? Optional.empty() : Optional.ofNullable(action.apply(s, top.scoreDocs[0].doc));
    });
  }

  @FunctionalInterface
  private interface DocFunction<T> {
    T apply(IndexSearcher searcher, int doc) throws IOException;
  }

  /** Total size of the index files of the last commit, in bytes. */
  public long sizeOnDisk() throws IOException {
    long total = 0;
    for (String file : SegmentInfos.readLatestCommit(directory).files(true)) {
      total += directory.fileLength(file);
    }
    return total;
  }

  /**
   * Closes the searchers and, when writable, the writer. Changes since the last {@link #commit} are
   * discarded: callers commit when their work is complete, so a failure never publishes half of it.
   */
  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      try {
        if (writer != null) {
          writer.close();
        }
      } finally {
        directory.close();
      }
    }
  }

  public static Term idTerm(String id) {
    return new Term(ReportFields.ID, id);
  }

  private IndexWriter requireWriter() {
    if (writer == null) {
      throw new IllegalStateException(path + " was opened read-only");
    }
    return writer;
  }
}
