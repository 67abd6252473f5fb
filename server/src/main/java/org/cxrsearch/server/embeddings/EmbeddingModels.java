package org.cxrsearch.server.embeddings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The models the embeddings API serves, by the name clients put in {@code model}. Only models the
 * server was started with are served: a request never makes the server load or download one.
 */
public interface EmbeddingModels {

  /** The model for {@code name} (without a {@code :query}/{@code :document} suffix), or empty. */
  Optional<Embedder> find(String name);

  /** The model used when a request names none (TEI never does). */
  Embedder defaultModel();

  /** Every name {@link #find} accepts, for listings and error messages. */
  List<String> names();

  /**
   * One model, found under its own name and under {@code default}.
   */
  static EmbeddingModels of(Embedder model) {
    Objects.requireNonNull(model, "model");
    List<String> names = model.name().equals("default") ? List.of("default") : List.of(model.name(), "default");
    return new EmbeddingModels() {
      @Override
      public Optional<Embedder> find(String name) {
        return names.contains(name) ? Optional.of(model) : Optional.empty();
      }

      @Override
      public Embedder defaultModel() {
        return model;
      }

      @Override
      public List<String> names() {
        return names;
      }
    };
  }
}
