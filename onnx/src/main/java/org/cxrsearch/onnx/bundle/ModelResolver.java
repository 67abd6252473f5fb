package org.cxrsearch.onnx.bundle;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns what a user passes as {@code --model} into a {@link ModelBundle}:
 * <ul>
 *   <li>{@code default}: the embedded all-MiniLM-L6-v2 ({@link DefaultModel});
 *   <li>a bundle directory ({@code model.onnx} + {@code tokenizer.json}).
 * </ul>
 *
 * @param cacheDir where extracted and converted models live ({@code $CXRSEARCH_CACHE}, else
 *     {@code ~/.cache/cxrsearch})
 * @param loader reads bundle directories
 */
public record ModelResolver(Path cacheDir, BundleLoader loader) {

  public static final String DEFAULT = "default";

  /** A resolver with the cache directory taken from the environment. */
  public static ModelResolver fromEnvironment() {
    String configured = System.getenv("CXRSEARCH_CACHE");
    Path cache = configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "cxrsearch");
    return new ModelResolver(cache, new BundleLoader());
  }

  public ModelBundle resolve(String spec) {
    if (spec == null || spec.isBlank() || spec.equals(DEFAULT)) {
      return loader.load(DefaultModel.extract(cacheDir));
    }
    Path path = Path.of(spec);
    if (Files.isDirectory(path)) {
      return loader.load(path);
    }
    throw new ModelLoadException("--model " + spec + ": not a directory; give a model bundle directory (model.onnx +"
        + " tokenizer.json) or '" + DEFAULT + "' for the embedded all-MiniLM-L6-v2");
  }
}
