package org.cxrsearch.server.embeddings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * OpenAI's embeddings API ({@code POST /v1/embeddings}, {@code GET /v1/models}), translated onto
 * {@link Embedder}.
 *
 * <p>Request: {@code input} (a string or an array of strings; token-id arrays are refused),
 * {@code model} (a served name, optionally suffixed {@code :query} or {@code :document}),
 * {@code encoding_format} ({@code float} or {@code base64}), {@code dimensions} (refused unless it
 * is the model's), {@code user} (ignored), and two cxrsearch fields: {@code input_type}
 * ({@code query} or {@code document}; default document, or the model suffix) and
 * {@code instruction} (query mode only). Vectors are L2-normalized, as OpenAI's are; texts longer
 * than the model reads are truncated, as the indexer truncates reports. Errors come in OpenAI's
 * shape: {@code {"error": {"message", "type", "param", "code"}}}.
 */
public final class OpenAiEmbeddings {

  private static final Set<String> FIELDS = Set.of("input", "model", "encoding_format", "dimensions", "user",
      "input_type", "instruction");

  private final EmbeddingModels models;
  private final EmbeddingLimits limits;
  private final ObjectMapper mapper;

  public OpenAiEmbeddings(EmbeddingModels models, EmbeddingLimits limits, ObjectMapper mapper) {
    this.models = Objects.requireNonNull(models, "models");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** {@code POST /v1/embeddings}. */
  public EmbeddingReply embeddings(byte[] body) {
    try {
      return new EmbeddingReply(200, embed(RequestBody.parse(mapper, body, limits, FIELDS)));
    } catch (EmbeddingException e) {
      return error(e);
    }
  }

  /** {@code GET /v1/models}: the served model names, with and without mode suffixes. */
  public EmbeddingReply listModels() {
    ObjectNode list = mapper.createObjectNode().put("object", "list");
    ArrayNode data = list.putArray("data");
    for (String name : models.names()) {
      for (String suffix : List.of("", ":query", ":document")) {
        data.addObject().put("id", name + suffix).put("object", "model").put("created", 0).put("owned_by", "cxrsearch");
      }
    }
    return new EmbeddingReply(200, list);
  }

  private ObjectNode embed(RequestBody request) {
    String model = request.string("model", null);
    if (model == null) {
      throw EmbeddingException.invalid("model", "`model` is required; served: " + models.names());
    }
    ModelName name = ModelName.parse(model);
    Embedder embedder = models.find(name.base()).orElseThrow(() -> new EmbeddingException(
        EmbeddingException.Kind.UNKNOWN_MODEL, "model", "The model `" + name.base() + "` does not exist; served: "
        + models.names()));
    boolean base64 = switch (request.string("encoding_format", "float")) {
      case "float" -> false;
      case "base64" -> true;
      default -> throw EmbeddingException.invalid("encoding_format", "`encoding_format` must be \"float\" or \"base64\"");
    };
    request.requireDimensions("dimensions", embedder.dimensions());
    EmbeddingMode mode = name.mode(request.string("input_type", null));
    List<String> texts = request.texts("input");
    EmbeddingResult result = embedder.embed(new EmbeddingTask(texts, mode, request.string("instruction", ""), true, true));

    ObjectNode response = mapper.createObjectNode().put("object", "list");
    ArrayNode data = response.putArray("data");
    for (int i = 0; i < result.vectors().length; i++) {
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      if (base64) {
        item.put("embedding", Float32Base64.encode(result.vectors()[i]));
      } else {
        ArrayNode values = item.putArray("embedding");
        for (float v : result.vectors()[i]) {
          values.add(v);
        }
      }
    }
    response.put("model", model);
    response.putObject("usage").put("prompt_tokens", result.promptTokens()).put("total_tokens", result.promptTokens());
    return response;
  }

  private EmbeddingReply error(EmbeddingException e) {
    int status = switch (e.kind()) {
      case UNKNOWN_MODEL -> 404;
      case TOO_LARGE -> e.param() == null ? 413 : 400;
      case INVALID, EMPTY -> 400;
    };
    ObjectNode body = mapper.createObjectNode();
    ObjectNode error = body.putObject("error").put("message", e.getMessage()).put("type", "invalid_request_error");
    error.put("param", e.param());
    error.put("code", e.kind() == EmbeddingException.Kind.UNKNOWN_MODEL ? "model_not_found" : null);
    return new EmbeddingReply(status, body);
  }

  /**
   * A requested model name: {@code name}, {@code name:query} or {@code name:document}. The suffix
   * and {@code input_type} must agree when both are given.
   */
  record ModelName(String base, EmbeddingMode suffix) {

    static ModelName parse(String model) {
      for (EmbeddingMode mode : EmbeddingMode.values()) {
        String suffix = ":" + mode.id();
        if (model.endsWith(suffix)) {
          return new ModelName(model.substring(0, model.length() - suffix.length()), mode);
        }
      }
      return new ModelName(model, null);
    }

    EmbeddingMode mode(String inputType) {
      EmbeddingMode field = inputType == null ? null : EmbeddingMode.parse("input_type", inputType);
      if (suffix != null && field != null && suffix != field) {
        throw EmbeddingException.invalid("input_type", "`input_type` is \"" + field.id() + "\" but the model suffix"
            + " says :" + suffix.id());
      }
      return field != null ? field : suffix != null ? suffix : EmbeddingMode.DOCUMENT;
    }
  }
}
