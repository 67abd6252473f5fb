package org.cxrsearch.onnx.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a bundle directory: checks that {@code model.onnx} and {@code tokenizer.json} exist, parses
 * {@code manifest.json} when present, and checks the bundle's integrity before any runtime sees it:
 *
 * <ol>
 *   <li>every SHA-256 the manifest lists matches its file ({@link ChecksumVerifier}; by default a
 *       file already verified and unchanged since is not re-hashed);
 *   <li>every external-data location in {@code model.onnx} names an existing, large enough file
 *       inside the bundle, never an absolute path, a {@code ..} path or a symbolic link out of it
 *       ({@link ExternalData});
 *   <li>when the manifest lists checksums, it lists them for the model, the tokenizer and every
 *       external-data file, so that no file the runtime reads escapes verification.
 * </ol>
 *
 * Does not open the model; the runtime validates the graph's signature (see {@link ModelSignature}).
 */
public final class BundleLoader {

  private final ObjectMapper json;
  private final ChecksumVerifier checksums;

  public BundleLoader() {
    this(new ObjectMapper());
  }

  public BundleLoader(ObjectMapper json) {
    this(json, ChecksumVerifier.Mode.STAMPED);
  }

  /**
   * @param json reads the manifest
   * @param verification whether unchanged, already verified files are re-hashed
   */
  public BundleLoader(ObjectMapper json, ChecksumVerifier.Mode verification) {
    this.json = Objects.requireNonNull(json, "json");
    this.checksums = new ChecksumVerifier(verification, json);
  }

  public ModelBundle load(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new ModelLoadException("model bundle " + directory + " is not a directory");
    }
    Path model = directory.resolve(ModelBundle.MODEL_FILE);
    Path tokenizer = directory.resolve(ModelBundle.TOKENIZER_FILE);
    for (Path required : new Path[] {model, tokenizer}) {
      if (!Files.isRegularFile(required)) {
        throw new ModelLoadException("model bundle " + directory + " has no " + required.getFileName()
            + "; it contains " + BundlePaths.list(directory));
      }
      // Without a manifest no checksum vouches for a file: a symlink out of the bundle must not
      // pass for its model or tokenizer. (A manifest's entries are resolved the same way.)
      BundlePaths.resolveInside(directory, required.getFileName().toString(), "model bundle " + directory);
    }
    Path manifestFile = directory.resolve(BundleManifest.FILE_NAME);
    Optional<BundleManifest> manifest = Optional.empty();
    if (Files.isRegularFile(manifestFile)) {
      try {
        manifest = Optional.of(json.readValue(manifestFile.toFile(), BundleManifest.class));
      } catch (IOException | RuntimeException e) {
        throw new ModelLoadException("cannot read " + manifestFile + ": " + e.getMessage(), e);
      }
      int format = manifest.get().format();
      if (format != BundleManifest.FORMAT) {
        throw new ModelLoadException(manifestFile + ": manifest format " + format + " is not supported (expected "
            + BundleManifest.FORMAT + ")");
      }
    }
    checkIntegrity(directory, model, tokenizer, manifest);
    return new ModelBundle(directory.toAbsolutePath().normalize(), model, tokenizer, manifest);
  }

  private void checkIntegrity(Path directory, Path model, Path tokenizer, Optional<BundleManifest> manifest) {
    var listed = manifest.map(BundleManifest::files).orElse(Map.of());
    if (!listed.isEmpty()) {
      checksums.verify(directory, listed);
    }
    List<Path> read = new ArrayList<>(List.of(model, tokenizer));
    read.addAll(ExternalData.check(directory, model));
    if (!listed.isEmpty()) {
      Path base = directory.toAbsolutePath().normalize();
      for (Path file : read) {
        String name = base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        if (!listed.containsKey(name)) {
          throw new ModelLoadException(directory.resolve(BundleManifest.FILE_NAME) + " lists checksums but none for '"
              + name + "', which the model reads; listed: " + listed.keySet());
        }
      }
    }
  }
}
