package org.cxrsearch.server.embeddings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON object of an embeddings request, read with the checks both APIs share: size, known
 * fields, and the text inputs (a string or an array of strings). Every error names the field.
 */
final class RequestBody {

  private final ObjectNode json;
  private final EmbeddingLimits limits;

  private RequestBody(ObjectNode json, EmbeddingLimits limits) {
    this.json = json;
    this.limits = limits;
  }

  /**
   * Parses {@code body}.
   *
   * @param known the fields the API accepts; any other is refused, as OpenAI and TEI refuse them
   */
  static RequestBody parse(ObjectMapper mapper, byte[] body, EmbeddingLimits limits, Set<String> known) {
    if (body.length > limits.maxBodyBytes()) {
      throw new EmbeddingException(EmbeddingException.Kind.TOO_LARGE, null, "the request body has " + body.length
          + " bytes; the limit is " + limits.maxBodyBytes());
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw EmbeddingException.invalid(null, "the request body is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (java.io.IOException e) {
      throw EmbeddingException.invalid(null, "cannot read the request body: " + e.getMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw EmbeddingException.invalid(null, "the request body must be a JSON object");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw EmbeddingException.invalid(name, "unrecognized request field `" + name + "`; accepted: "
            + known.stream().sorted().toList());
      }
    }
    return new RequestBody(object, limits);
  }

  /** The inputs: a string, or a non-empty array of strings, within the limits. */
  List<String> texts(String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      throw EmbeddingException.invalid(field, "`" + field + "` is required: a string or an array of strings");
    }
    if (node.isTextual()) {
      return List.of(text(field, node));
    }
    if (!node.isArray()) {
      throw EmbeddingException.invalid(field, "`" + field + "` must be a string or an array of strings, not "
          + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (node.isEmpty()) {
      throw new EmbeddingException(EmbeddingException.Kind.EMPTY, field, "`" + field + "` is an empty array");
    }
    if (node.size() > limits.maxInputs()) {
      throw new EmbeddingException(EmbeddingException.Kind.TOO_LARGE, field, "`" + field + "` has " + node.size()
          + " inputs; the limit is " + limits.maxInputs() + " per request");
    }
    List<String> texts = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      String param = field + "[" + i + "]";
      if (element.isNumber() || element.isArray()) {
        throw EmbeddingException.invalid(param, "`" + param + "` is a token id" + (element.isArray() ? " array" : "")
            + ": token ids are not accepted, send text (the server tokenizes with the model's own tokenizer)");
      }
      if (!element.isTextual()) {
        throw EmbeddingException.invalid(param, "`" + param + "` must be a string");
      }
      texts.add(text(param, element));
    }
    return texts;
  }

  private String text(String param, JsonNode node) {
    String text = node.textValue();
    if (text.isEmpty()) {
      throw new EmbeddingException(EmbeddingException.Kind.EMPTY, param, "`" + param + "` is an empty string");
    }
    if (text.length() > limits.maxInputChars()) {
      throw new EmbeddingException(EmbeddingException.Kind.TOO_LARGE, param, "`" + param + "` has " + text.length()
          + " characters; the limit is " + limits.maxInputChars());
    }
    return text;
  }

  /** A string field, or {@code fallback} when absent or null. */
  String string(String field, String fallback) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw EmbeddingException.invalid(field, "`" + field + "` must be a string");
    }
    return node.textValue();
  }

  /** A boolean field, or {@code fallback} when absent or null. */
  boolean bool(String field, boolean fallback) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw EmbeddingException.invalid(field, "`" + field + "` must be true or false");
    }
    return node.booleanValue();
  }

  /**
   * Checks an optional {@code dimensions} field: this API returns the model's vectors whole, so any
   * other length is refused rather than silently ignored.
   */
  void requireDimensions(String field, int modelDimensions) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.canConvertToExactIntegral()) {
      throw EmbeddingException.invalid(field, "`" + field + "` must be an integer");
    }
    if (node.asLong() != modelDimensions) {
      throw EmbeddingException.invalid(field, "`" + field + "` is " + node.asText() + " but the model gives "
          + modelDimensions + "-dimensional vectors; shortening is not supported, omit `" + field + "` or send "
          + modelDimensions);
    }
  }
}
