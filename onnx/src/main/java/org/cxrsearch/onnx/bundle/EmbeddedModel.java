package org.cxrsearch.onnx.bundle;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A model bundle shipped inside a jar rather than as a directory: the optional artifact {@code
 * cxrsearch-default-model} provides one, found through {@link ServiceLoader} so that the runtime and
 * the resolver do not depend on its 16 MB jar. An application that never asks for model {@value
 * #SPEC} leaves the artifact out.
 */
public interface EmbeddedModel {

  /** The model spec that names the embedded model ({@code --model default}). */
  String SPEC = "default";

  /** The name the embedded default model records in its manifest, and an index in its metadata. */
  String DEFAULT_NAME = "all-minilm-l6-v2-q";

  /** The model's name in its manifest. */
  String name();

  /** Extracts the bundle under {@code cacheDir} if it is not there yet, and returns its directory. */
  Path extract(Path cacheDir);

  /** The embedded model on the class path of {@code loader}, if its artifact is there. */
  static Optional<EmbeddedModel> find(ClassLoader loader) {
    return ServiceLoader.load(EmbeddedModel.class, loader).findFirst();
  }
}
