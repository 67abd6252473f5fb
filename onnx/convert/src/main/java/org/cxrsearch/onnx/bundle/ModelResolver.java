package org.cxrsearch.onnx.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cxrsearch.onnx.convert.ConvertOptions;
import org.cxrsearch.onnx.convert.ProgressListener;
import org.cxrsearch.onnx.convert.bundle.AtomicBundleWriter;
import org.cxrsearch.onnx.hub.CacheLayout;
import org.cxrsearch.onnx.hub.CacheLock;
import org.cxrsearch.onnx.hub.HubClient;
import org.cxrsearch.onnx.hub.HubSettings;
import org.cxrsearch.onnx.hub.RepoId;
import org.cxrsearch.onnx.hub.SnapshotDownloader;

/**
 * Turns what a user passes as {@code --model} into a {@link ModelBundle}, in this order:
 *
 * <ol>
 *   <li>{@code default}: the embedded all-MiniLM-L6-v2 ({@link EmbeddedModel}, from the optional artifact
 *       {@code cxrsearch-default-model});
 *   <li>an existing directory holding {@code model.onnx}: a bundle, loaded as is;
 *   <li>an existing directory holding {@code config.json} and {@code *.safetensors}: a Hugging Face
 *       checkpoint, converted on first use into the cache and loaded from there afterwards;
 *   <li>{@code hf:owner/name[@revision]}, or {@code owner/name[@revision]} when it is not a local
 *       path: a Hugging Face repository, downloaded ({@link SnapshotDownloader}), converted and
 *       cached by commit.
 * </ol>
 *
 * <p>The hub is contacted only for what is unambiguously a repository id, so a mistyped path never
 * becomes a network request. A spec is a local path when it names an existing directory, or when
 * it could not be a bare repository id: it starts with {@code .}, {@code /} or {@code ~}, contains
 * a backslash, ends with {@code /}, has more than one {@code /} before any {@code @}, or
 * its first segment exists here (so {@code models/nope} is a path when {@code models/} exists). A
 * path that does not exist is an error naming it. {@code hf:} always means the hub. A local
 * directory wins over a bare repository id of the same spelling. Converted bundles live in
 * {@code bundles/} of the cache ({@link CacheLayout}), keyed by their source and the conversion
 * options: {@code hub--{owner}--{name}--{commit}--{variant}} for a repository, {@code
 * local--{dir}--{hash}--{variant}} for a checkpoint directory, where the hash covers the
 * directory's real path and the name, size and modification time of each file, so an edited
 * checkpoint is converted again. Conversion holds a lock so two processes never convert the same
 * source at once; the converter publishes the bundle atomically.
 */
public final class ModelResolver {

  public static final String DEFAULT = EmbeddedModel.SPEC;
  /** Prefix that makes a spec a Hugging Face repository id whatever exists locally. */
  public static final String HUB_PREFIX = "hf:";

  private static final System.Logger LOG = System.getLogger(ModelResolver.class.getName());
  private static final int DOWNLOAD_ATTEMPTS = 3;

  private final HubSettings settings;
  private final BundleLoader loader;
  private final Supplier<SnapshotDownloader> downloader;
  private final CheckpointConversion conversion;
  private final ConvertOptions options;

  /**
   * @param settings hub endpoint, token, offline mode and cache directory
   * @param loader reads and verifies bundle directories
   * @param downloader fetches repositories (created only when a repository id is resolved)
   * @param conversion converts checkpoints
   * @param options how checkpoints are converted
   */
  public ModelResolver(HubSettings settings, BundleLoader loader, Supplier<SnapshotDownloader> downloader,
      CheckpointConversion conversion, ConvertOptions options) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.downloader = Objects.requireNonNull(downloader, "downloader");
    this.conversion = Objects.requireNonNull(conversion, "conversion");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A resolver with the standard hub client and converter (fp32), reporting no progress. */
  public ModelResolver(HubSettings settings, BundleLoader loader) {
    this(settings, loader, ProgressListener.NONE, ProgressListener.NONE);
  }

  /**
   * A resolver with the standard hub client and converter (fp32).
   *
   * @param downloads told of each file downloaded, in bytes
   * @param conversions told of each conversion step, in parameters
   */
  public ModelResolver(HubSettings settings, BundleLoader loader, ProgressListener downloads,
      ProgressListener conversions) {
    this(settings, loader,
        () -> new SnapshotDownloader(settings, HubClient.create(settings), downloads, DOWNLOAD_ATTEMPTS),
        CheckpointConversion.standard(conversions), ConvertOptions.defaults());
  }

  /** A resolver with hub settings from the environment and {@code cacheDir} as the cache. */
  public ModelResolver(Path cacheDir, BundleLoader loader) {
    this(HubSettings.fromEnvironment().withCacheDir(cacheDir), loader);
  }

  /** A resolver configured from the environment ({@link HubSettings#fromEnvironment()}). */
  public static ModelResolver fromEnvironment() {
    return new ModelResolver(HubSettings.fromEnvironment(), new BundleLoader());
  }

  public Path cacheDir() {
    return settings.cacheDir();
  }

  public ModelBundle resolve(String spec) {
    if (spec == null || spec.isBlank() || spec.equals(DEFAULT)) {
      EmbeddedModel embedded = EmbeddedModel.find(ModelResolver.class.getClassLoader())
          .orElseThrow(() -> new ModelLoadException("model '" + DEFAULT + "' is the embedded all-MiniLM-L6-v2, whose"
              + " artifact org.cxrsearch:cxrsearch-default-model is not on the class path; add it, or give a bundle"
              + " directory, a checkpoint directory or a repository id"));
      return loader.load(embedded.extract(settings.cacheDir()));
    }
    if (spec.startsWith(HUB_PREFIX)) {
      String id = spec.substring(HUB_PREFIX.length());
      if (!RepoId.looksLike(id)) {
        throw new ModelLoadException("--model " + spec + ": '" + id + "' is not a Hugging Face repository id;"
            + " write " + HUB_PREFIX + "owner/name[@revision]");
      }
      return fromHub(RepoId.parse(id));
    }
    Path path = asPath(spec);
    if (path != null && Files.isDirectory(path)) {
      return resolveDirectory(spec, path);
    }
    if (path != null && looksLikeLocalPath(spec)) {
      throw new ModelLoadException("--model " + spec + ": not a directory: nothing at " + path.toAbsolutePath().normalize()
          + existingPart(path) + ". A Hugging Face repository is written owner/name[@revision] (when no local"
          + " directory of that name exists) or " + HUB_PREFIX + "owner/name[@revision]; '" + DEFAULT
          + "' is the embedded model");
    }
    if (RepoId.looksLike(spec)) {
      return fromHub(RepoId.parse(spec));
    }
    throw new ModelLoadException("--model " + spec + ": not '" + DEFAULT + "', not a directory, and not a Hugging Face"
        + " repository id (owner/name[@revision]); give a bundle directory (model.onnx + tokenizer.json), a"
        + " checkpoint directory (config.json + *.safetensors), a repository id, or '" + DEFAULT + "'");
  }

  private ModelBundle fromHub(RepoId repo) {
    SnapshotDownloader.LocalSnapshot snapshot = downloader.get().fetch(repo);
    return converted(snapshot.directory(),
        "hub--" + repo.owner() + "--" + repo.name() + "--" + snapshot.commit() + "--" + variant(),
        // Named pinned to the commit: an index records it, and a moving branch must not change
        // which model "the index's model" is.
        repo.repo() + "@" + snapshot.commit());
  }

  /**
   * Whether {@code spec} (not an existing directory) must be a local path rather than a bare
   * repository id; see the class doc for the rule.
   */
  static boolean looksLikeLocalPath(String spec) {
    if (spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("~") || spec.contains("\\")
        || spec.endsWith("/")) {
      return true;
    }
    String repo = spec.contains("@") ? spec.substring(0, spec.indexOf('@')) : spec;
    int slash = repo.indexOf('/');
    if (slash < 0) {
      return false; // a single word: neither a path with a directory nor a repository id (reported as such)
    }
    if (slash != repo.lastIndexOf('/')) {
      return true;
    }
    Path first = asPath(repo.substring(0, slash));
    return first != null && Files.exists(first);
  }

  /** " (X exists, Y does not)" for the longest existing ancestor of a relative or absolute path. */
  private static String existingPart(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return " (" + p + " exists, " + p.relativize(absolute) + " does not)";
      }
    }
    return "";
  }

  private ModelBundle resolveDirectory(String spec, Path dir) {
    if (Files.isRegularFile(dir.resolve(ModelBundle.MODEL_FILE))) {
      return loader.load(dir);
    }
    if (Files.isRegularFile(dir.resolve("config.json")) && !safetensors(dir).isEmpty()) {
      return converted(dir, "local--" + safeName(dir) + "--" + localHash(dir) + "--" + variant(), options.name());
    }
    throw new ModelLoadException("--model " + spec + ": " + dir + " is neither a model bundle (model.onnx +"
        + " tokenizer.json) nor a Hugging Face checkpoint (config.json + *.safetensors); it contains "
        + BundlePaths.list(dir));
  }

  /**
   * The bundle converted from {@code checkpoint} under {@code key}, converting it first if needed.
   *
   * @param name the model name for the manifest ("" lets the converter name it after the directory)
   */
  private ModelBundle converted(Path checkpoint, String key, String name) {
    CacheLayout cache = settings.cache();
    Path bundle = cache.bundleDir(key);
    if (!Files.isDirectory(bundle)) {
      try (CacheLock lock = CacheLock.acquire(cache.lockFile(key))) {
        if (!Files.isDirectory(bundle)) {
          LOG.log(System.Logger.Level.INFO, "converting {0} into {1}", checkpoint, bundle);
          Files.createDirectories(bundle.getParent());
          AtomicBundleWriter.deletePartials(bundle); // left by a process that died converting it
          conversion.convert(checkpoint, bundle, options.withName(name));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the cache " + cache.root() + ": " + e.getMessage(), e);
      }
    }
    return loader.load(bundle);
  }

  /**
   * Precision plus a short hash of every conversion option, so different options never share a
   * bundle. The hash covers the options as configured; the per-source model name is set later.
   */
  private String variant() {
    return options.precision().id() + "-" + shortHash(options.toString());
  }

  private static String localHash(Path dir) {
    StringBuilder identity = new StringBuilder();
    try {
      identity.append(dir.toRealPath()).append('\n');
      try (var files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          identity.append(f.getFileName()).append(' ').append(Files.size(f)).append(' ')
              .append(Files.getLastModifiedTime(f).to(TimeUnit.NANOSECONDS)).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint directory " + dir + ": " + e.getMessage(), e);
    }
    return shortHash(identity.toString());
  }

  private static List<Path> safetensors(Path dir) {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".safetensors")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String safeName(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String s = name == null ? "root" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return s.length() > 40 ? s.substring(0, 40) : s;
  }

  private static String shortHash(String s) {
    return Digests.hex(Digests.sha256().digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
  }

  private static Path asPath(String spec) {
    try {
      return Path.of(spec);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
