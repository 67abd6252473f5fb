package org.cxrsearch.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The one Jackson mapper of the server (thread-safe once configured), and body parsing with ES errors. */
public final class Json {

  /** Nesting is bounded so that a hostile body cannot overflow the stack of the query translator. */
  public static final int MAX_NESTING = 64;

  public static final ObjectMapper MAPPER = new ObjectMapper(
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private Json() {}

  /**
   * Parses {@code bytes} as one JSON value.
   *
   * @throws ApiException 400 naming {@code part} (such as "request body" or "bulk line 3") if it is not JSON
   */
  public static JsonNode parse(byte[] bytes, int offset, int length, String part) {
    try {
      JsonNode node = MAPPER.readTree(bytes, offset, length);
      if (node == null || node.isMissingNode()) {
        throw ApiException.parsing(part + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.notJson(part + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw ApiException.notJson(part + " cannot be read: " + e.getMessage(), e);
    }
  }

  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response", e);
    }
  }
}
