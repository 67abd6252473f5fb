package org.cxrsearch.onnx.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a bundle directory: checks that {@code model.onnx} and {@code tokenizer.json} exist and
 * parses {@code manifest.json} when present. Does not open the model; the runtime validates the
 * graph's signature (see {@link ModelSignature}).
 */
public final class BundleLoader {

  private final ObjectMapper json;

  public BundleLoader() {
    this(new ObjectMapper());
  }

  public BundleLoader(ObjectMapper json) {
    this.json = json;
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
            + "; it contains " + list(directory));
      }
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
    return new ModelBundle(directory.toAbsolutePath().normalize(), model, tokenizer, manifest);
  }

  private static String list(Path dir) {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
