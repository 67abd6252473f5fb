package org.cxrsearch.onnx.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cxrsearch.onnx.bundle.Digests;
import org.cxrsearch.onnx.convert.ProgressListener;

/**
 * Makes a Hugging Face checkpoint available as a local directory in the cache ({@link CacheLayout}):
 * resolves the revision to a commit, downloads the files the converter needs, checks each against the
 * hub's size and digest, and publishes the snapshot atomically.
 *
 * <p>Only these files are fetched: {@code config.json}, {@code tokenizer.json},
 * {@code tokenizer_config.json} (if present), and the safetensors weights: the shards that
 * {@code model.safetensors.index.json} names when the repository is sharded, else
 * {@code model.safetensors}, else every top-level {@code *.safetensors}.
 *
 * <p>Downloads resume: an interrupted file keeps its bytes in {@code {file}.incomplete} and the next
 * attempt, in this run or a later one, asks only for the rest with an HTTP {@code Range} request. A
 * file whose size or digest does not match the hub's metadata is deleted and reported; it is never
 * renamed to its final name, so it can never be used.
 *
 * <p>Offline ({@code HF_HUB_OFFLINE}) the cache alone answers: a commit id, or a branch or tag whose
 * commit was recorded by an earlier online run. When the hub cannot be reached while online, a cached
 * snapshot of the revision is used with a warning.
 */
public final class SnapshotDownloader {

  static final String CONFIG = "config.json";
  static final String TOKENIZER = "tokenizer.json";
  static final String TOKENIZER_CONFIG = "tokenizer_config.json";
  static final String INDEX = "model.safetensors.index.json";
  static final String SINGLE_WEIGHTS = "model.safetensors";

  private static final System.Logger LOG = System.getLogger(SnapshotDownloader.class.getName());

  private final HubSettings settings;
  private final HubClient client;
  private final ProgressListener progress;
  private final int attempts;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param settings endpoint, offline mode and cache
   * @param client talks to the hub
   * @param progress shown for each file transfer
   * @param attempts tries per file in one run before giving up (the partial file is kept)
   */
  public SnapshotDownloader(HubSettings settings, HubClient client, ProgressListener progress, int attempts) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client = Objects.requireNonNull(client, "client");
    this.progress = Objects.requireNonNull(progress, "progress");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    this.attempts = attempts;
  }

  /**
   * A checkpoint in the cache.
   *
   * @param commit the commit it was downloaded from
   * @param directory its files
   */
  public record LocalSnapshot(String commit, Path directory) {}

  /** The snapshot of {@code repo}, downloading it first if the cache does not hold it. */
  public LocalSnapshot fetch(RepoId repo) {
    CacheLayout cache = settings.cache();
    if (settings.offline()) {
      return cached(repo).orElseThrow(() -> new HubException("HF_HUB_OFFLINE is set and " + repo
          + " is not in the cache " + cache.repoDir(repo) + " (cached commits: " + cache.cachedCommits(repo)
          + "); run once online, or use a commit id that is cached"));
    }
    if (repo.pinned()) {
      Optional<LocalSnapshot> cached = cached(repo);
      if (cached.isPresent()) {
        return cached.get(); // a commit never changes: no need to ask the hub
      }
    }
    RepoSnapshot snapshot;
    try {
      snapshot = client.snapshot(repo);
    } catch (IOException e) {
      Optional<LocalSnapshot> cached = cached(repo);
      if (cached.isPresent()) {
        LOG.log(System.Logger.Level.WARNING, "cannot reach {0} ({1}); using the cached snapshot {2}",
            settings.endpoint(), e.toString(), cached.get().directory());
        return cached.get();
      }
      throw new HubException("cannot reach " + settings.endpoint() + " to resolve " + repo + ": " + e
          + "; nothing is cached for it in " + cache.repoDir(repo), e);
    }
    Path dir = cache.snapshotDir(repo, snapshot.commit());
    try {
      if (!Files.isDirectory(dir)) {
        download(snapshot, dir);
      }
      cache.writeRef(repo, snapshot.commit());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cache " + cache.root() + ": " + e.getMessage(), e);
    }
    LOG.log(System.Logger.Level.INFO, "{0} is commit {1}: {2}", repo, snapshot.commit(), dir);
    return new LocalSnapshot(snapshot.commit(), dir);
  }

  private Optional<LocalSnapshot> cached(RepoId repo) {
    CacheLayout cache = settings.cache();
    Optional<String> commit = repo.pinned() ? Optional.of(repo.revision()) : cache.readRef(repo);
    return commit.map(c -> new LocalSnapshot(c, cache.snapshotDir(repo, c)))
        .filter(s -> Files.isDirectory(s.directory()));
  }

  private void download(RepoSnapshot snapshot, Path target) throws IOException {
    RepoId repo = snapshot.repo();
    CacheLayout cache = settings.cache();
    try (CacheLock lock = CacheLock.acquire(cache.lockFile("hub--" + repo.owner() + "--" + repo.name() + "--"
        + snapshot.commit()))) {
      if (Files.isDirectory(target)) {
        return; // another process finished it while we waited
      }
      Path staging = Files.createDirectories(cache.incompleteDir(repo, snapshot.commit()));
      List<RepoFile> small = new ArrayList<>(List.of(require(snapshot, CONFIG), require(snapshot, TOKENIZER)));
      snapshot.file(TOKENIZER_CONFIG).ifPresent(small::add);
      for (RepoFile file : small) {
        fetchFile(snapshot, file, staging);
      }
      for (String name : weights(snapshot, staging)) {
        fetchFile(snapshot, require(snapshot, name), staging);
      }
      Files.createDirectories(target.getParent());
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** The safetensors files to fetch; fetches the shard index first when there is one. */
  private List<String> weights(RepoSnapshot snapshot, Path staging) throws IOException {
    Optional<RepoFile> index = snapshot.file(INDEX);
    if (index.isPresent()) {
      Path file = fetchFile(snapshot, index.get(), staging);
      JsonNode map = json.readTree(file.toFile()).path("weight_map");
      Set<String> shards = new TreeSet<>();
      map.forEach(v -> shards.add(v.asText()));
      if (shards.isEmpty()) {
        throw new HubException(snapshot.repo() + ": " + INDEX + " has no weight_map entries");
      }
      return List.copyOf(shards);
    }
    if (snapshot.file(SINGLE_WEIGHTS).isPresent()) {
      return List.of(SINGLE_WEIGHTS);
    }
    Set<String> all = new LinkedHashSet<>();
    for (String n : snapshot.names()) {
      if (n.endsWith(".safetensors") && !n.contains("/")) {
        all.add(n);
      }
    }
    if (all.isEmpty()) {
      throw new HubException(snapshot.repo() + " (commit " + snapshot.commit()
          + ") has no safetensors weights; its files: " + snapshot.names());
    }
    return List.copyOf(all);
  }

  private static RepoFile require(RepoSnapshot snapshot, String name) {
    return snapshot.file(name).orElseThrow(() -> new HubException(snapshot.repo() + " (commit " + snapshot.commit()
        + ") has no " + name + "; cxrsearch needs config.json, tokenizer.json and safetensors weights; its files: "
        + snapshot.names()));
  }

  /** Downloads one file into the staging directory unless an earlier run already verified it. */
  private Path fetchFile(RepoSnapshot snapshot, RepoFile file, Path staging) throws IOException {
    if (file.name().contains("/") || file.name().contains("\\") || file.name().startsWith(".")) {
      throw new HubException(snapshot.repo() + ": refusing to download '" + file.name() + "' (not a top-level file name)");
    }
    Path done = staging.resolve(file.name());
    if (Files.isRegularFile(done) && Files.size(done) == file.size()) {
      return done; // renamed to its final name only after it was verified
    }
    Path partial = staging.resolve(file.name() + ".incomplete");
    for (int attempt = 1; ; attempt++) {
      try {
        client.download(snapshot, file, partial, progress);
        break;
      } catch (IOException e) {
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        if (attempt >= attempts) {
          throw new HubException("download of " + file.name() + " from " + snapshot.repo() + " failed after " + have
              + " of " + file.size() + " bytes: " + e.getMessage() + "; run again to resume from " + partial, e);
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: {1}; resuming after {2} bytes (attempt {3} of {4})",
            file.name(), e.toString(), have, attempt + 1, attempts);
      }
    }
    verify(snapshot, file, partial);
    Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
    return done;
  }

  /** Checks size and digest against the hub's metadata; deletes the file when they differ. */
  private static void verify(RepoSnapshot snapshot, RepoFile file, Path path) throws IOException {
    long size = Files.size(path);
    String problem = null;
    if (size != file.size()) {
      problem = "it has " + size + " bytes, the hub says " + file.size();
    } else if (file.sha256() != null) {
      String actual = Digests.sha256(path);
      if (!actual.equalsIgnoreCase(file.sha256())) {
        problem = "its sha256 is " + actual + ", the hub says " + file.sha256();
      }
    } else if (file.gitBlobId() != null) {
      String actual = gitBlobId(path, size);
      if (!actual.equalsIgnoreCase(file.gitBlobId())) {
        problem = "its git blob id is " + actual + ", the hub says " + file.gitBlobId();
      }
    } else {
      LOG.log(System.Logger.Level.WARNING, "the hub gives no digest for {0}; only its size was checked", file.name());
    }
    if (problem != null) {
      Files.deleteIfExists(path);
      throw new HubException("corrupt download of " + file.name() + " from " + snapshot.repo() + " (commit "
          + snapshot.commit() + "): " + problem + "; the file was deleted, run again to download it afresh");
    }
  }

  /** Git's object id of a file: SHA-1 of {@code "blob <size>\0"} followed by the content. */
  static String gitBlobId(Path path, long size) {
    MessageDigest sha1 = Digests.sha1();
    sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
    Digests.update(sha1, path);
    return Digests.hex(sha1.digest());
  }
}
