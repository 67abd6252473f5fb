package org.cxrsearch.indexer.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * JSON lines: one object per line with {@code id}, {@code text} or {@code findings} /
 * {@code impression}, and metadata, either as further top-level fields or inside a
 * {@code metadata} object. Metadata values must be strings, numbers or booleans. Blank lines are
 * skipped.
 *
 * <pre>{"id": "r1", "findings": "No pneumothorax.", "impression": "Normal.", "study_date": "2024-03-01"}</pre>
 */
public final class JsonLinesReader extends SplitRecordReader {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  public JsonLinesReader(Path path, ReadLimits limits) throws IOException {
    super(path, limits, false);
  }

  @Override
  protected ReadOutcome parse(String record, long line) {
    if (record.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(record);
    } catch (JsonProcessingException e) {
      return reject(line, "malformed JSON: " + e.getOriginalMessage() + " (column " + e.getLocation().getColumnNr() + ")");
    }
    if (!node.isObject()) {
      return reject(line, "malformed JSON: expected an object, found " + node.getNodeType().toString().toLowerCase());
    }
    return fromJson(node, record, file, line);
  }

  /**
   * The report in one parsed JSON object, by the rules of this format (other writers, such as the
   * server's document API, use them too, so a report means the same whichever way it arrives).
   *
   * @param node a JSON object
   * @param source the record as given, stored with the report
   * @param file where it came from, for the error
   * @param line its line (or item number), for the error
   */
  public static ReadOutcome fromJson(JsonNode node, String source, String file, long line) {
    RecordFields fields = new RecordFields();
    fields.source = source;
    JsonNode id = node.get("id");
    if (id != null && (id.isTextual() || id.isIntegralNumber())) {
      fields.id = id.asText();
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      JsonNode value = e.getValue();
      String problem =
          switch (name) {
            case "id" -> id.isTextual() || id.isIntegralNumber() || id.isNull() ? null : "field 'id' must be a string or an integer";
            case "text" -> textField(value, name, s -> fields.text = s);
            case "findings" -> textField(value, name, s -> fields.findings = s);
            case "impression" -> textField(value, name, s -> fields.impression = s);
            case "metadata" -> metadataObject(value, fields.metadata);
            default -> metadataValue(name, value, fields.metadata);
          };
      if (problem != null) {
        return new ReadOutcome.Rejected(new RecordError(file, line, fields.id, problem));
      }
    }
    return fields.validate(file, line);
  }

  private static String textField(JsonNode value, String name, java.util.function.Consumer<String> sink) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      return "field '" + name + "' must be a string";
    }
    sink.accept(value.textValue());
    return null;
  }

  private static String metadataObject(JsonNode value, Map<String, String> metadata) {
    if (!value.isObject()) {
      return "field 'metadata' must be an object";
    }
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      String problem = metadataValue(e.getKey(), e.getValue(), metadata);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String metadataValue(String name, JsonNode value, Map<String, String> metadata) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      return "metadata field '" + name + "' must be a string, number or boolean";
    }
    metadata.put(name, value.asText());
    return null;
  }
}
