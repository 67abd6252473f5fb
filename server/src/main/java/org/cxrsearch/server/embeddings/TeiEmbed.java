package org.cxrsearch.server.embeddings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * Hugging Face Text Embeddings Inference's {@code POST /embed}, translated onto {@link Embedder}
 * (the server's default model: a TEI server serves one).
 *
 * <p>Request: {@code inputs} (a string or an array of strings), {@code normalize} (default true),
 * {@code truncate} (default false: a text longer than the model reads is refused with 413, as TEI
 * does), {@code truncation_direction} ({@code Right} only), {@code prompt_name} ({@code query} or
 * {@code document}, default document: TEI's named prompts), {@code dimensions} (refused unless it
 * is the model's) and {@code instruction} (a cxrsearch field, query mode only). Response: an array
 * of vectors. Errors in TEI's shape {@code {"error", "error_type"}}: 422 {@code Validation}, 413
 * {@code Validation} for too much input, 400 {@code Empty}.
 */
public final class TeiEmbed {

  private static final Set<String> FIELDS = Set.of("inputs", "normalize", "truncate", "truncation_direction",
      "prompt_name", "dimensions", "instruction");

  private final EmbeddingModels models;
  private final EmbeddingLimits limits;
  private final ObjectMapper mapper;

  public TeiEmbed(EmbeddingModels models, EmbeddingLimits limits, ObjectMapper mapper) {
    this.models = Objects.requireNonNull(models, "models");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** {@code POST /embed}. */
  public EmbeddingReply embed(byte[] body) {
    try {
      RequestBody request = RequestBody.parse(mapper, body, limits, FIELDS);
      Embedder embedder = models.defaultModel();
      String direction = request.string("truncation_direction", "Right");
      if (!direction.equals("Right")) {
        throw EmbeddingException.invalid("truncation_direction", "`truncation_direction` \"" + direction
            + "\" is not supported; texts are truncated on the right, as the indexer does");
      }
      request.requireDimensions("dimensions", embedder.dimensions());
      String prompt = request.string("prompt_name", null);
      EmbeddingMode mode = prompt == null ? EmbeddingMode.DOCUMENT : EmbeddingMode.parse("prompt_name", prompt);
      EmbeddingTask task = new EmbeddingTask(request.texts("inputs"), mode, request.string("instruction", ""),
          request.bool("normalize", true), request.bool("truncate", false));
      ArrayNode vectors = mapper.createArrayNode();
      for (float[] vector : embedder.embed(task).vectors()) {
        ArrayNode values = vectors.addArray();
        for (float v : vector) {
          values.add(v);
        }
      }
      return new EmbeddingReply(200, vectors);
    } catch (EmbeddingException e) {
      return error(e);
    }
  }

  private EmbeddingReply error(EmbeddingException e) {
    int status = switch (e.kind()) {
      case TOO_LARGE -> 413;
      case EMPTY -> 400;
      case INVALID, UNKNOWN_MODEL -> 422;
    };
    ObjectNode body = mapper.createObjectNode().put("error", e.getMessage())
        .put("error_type", e.kind() == EmbeddingException.Kind.EMPTY ? "Empty" : "Validation");
    return new EmbeddingReply(status, body);
  }
}
