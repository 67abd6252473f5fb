package org.cxrsearch.server.embeddings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.server.http.ApiResponse;
import org.cxrsearch.server.http.Json;
import org.cxrsearch.server.http.Routes;
import org.cxrsearch.server.index.Models;

/**
 * The embeddings endpoints: OpenAI's {@code POST /v1/embeddings} and {@code GET /v1/models}
 * ({@link OpenAiEmbeddings}) and TEI's {@code POST /embed} ({@link TeiEmbed}), over the server's
 * default model.
 */
public final class EmbeddingsApi {

  private final OpenAiEmbeddings openAi;
  private final TeiEmbed tei;

  public EmbeddingsApi(EmbeddingModels models, EmbeddingLimits limits) {
    this.openAi = new OpenAiEmbeddings(models, limits, Json.MAPPER);
    this.tei = new TeiEmbed(models, limits, Json.MAPPER);
  }

  /** Serves the server's default model ({@code serve --model}), opened on the first request. */
  public static EmbeddingsApi serving(Models models, EmbeddingLimits limits) {
    return new EmbeddingsApi(new DefaultModel(models), limits);
  }

  public void register(Routes routes) {
    routes.post("/v1/embeddings", r -> reply(openAi.embeddings(r.body())))
        .get("/v1/models", r -> reply(openAi.listModels()))
        .post("/embed", r -> reply(tei.embed(r.body())));
  }

  private static ApiResponse reply(EmbeddingReply reply) {
    return ApiResponse.json(reply.status(), reply.body());
  }

  /**
   * The server's default model under {@code default}, its {@code --model} spec and its bundle
   * name. Requests never open other models: a model name in a request must not make the server
   * load or download anything.
   */
  private static final class DefaultModel implements EmbeddingModels {

    private final Models models;

    DefaultModel(Models models) {
      this.models = models;
    }

    @Override
    public Optional<Embedder> find(String name) {
      return names().contains(name) ? Optional.of(defaultModel()) : Optional.empty();
    }

    @Override
    public Embedder defaultModel() {
      TextEncoder encoder = models.get(null);
      if (!(encoder instanceof OnnxEncoder onnx)) {
        // Token counts and truncation need the tokenizer, which only the ONNX encoder exposes.
        throw new IllegalStateException("the embeddings API needs an ONNX encoder, not " + encoder.getClass().getName());
      }
      return new Embedder(onnx.info().name(), onnx);
    }

    @Override
    public List<String> names() {
      Set<String> names = new LinkedHashSet<>(List.of("default", models.defaultModel()));
      names.add(defaultModel().name());
      return List.copyOf(names);
    }
  }
}
