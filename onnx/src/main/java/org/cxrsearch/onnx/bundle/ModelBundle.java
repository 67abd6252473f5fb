package org.cxrsearch.onnx.bundle;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A model on disk: an ONNX graph (with any external-data files beside it), its
 * {@code tokenizer.json}, and optionally a {@code manifest.json}. Without a manifest, what the
 * model is gets inferred from the graph's signature when a session is opened.
 *
 * @param directory the bundle directory
 * @param model {@code model.onnx}
 * @param tokenizer {@code tokenizer.json}
 * @param manifest the declared manifest, if the bundle has one
 */
public record ModelBundle(Path directory, Path model, Path tokenizer, Optional<BundleManifest> manifest) {

  public static final String MODEL_FILE = "model.onnx";
  public static final String TOKENIZER_FILE = "tokenizer.json";

  public ModelBundle {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(manifest, "manifest");
  }

  /** A display name: the manifest's, else the directory name. */
  public String name() {
    return manifest.map(BundleManifest::name).filter(n -> !n.isBlank())
        .orElse(directory.getFileName() == null ? directory.toString() : directory.getFileName().toString());
  }
}
