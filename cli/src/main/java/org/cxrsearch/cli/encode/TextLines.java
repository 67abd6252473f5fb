package org.cxrsearch.cli.encode;

import org.cxrsearch.cli.InputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON lines {@code {"text": "..."}} in chunks, keeping line numbers for error messages.
 * Blank lines are skipped; any other line that is not an object with a string {@code text} is an
 * {@link InputException} naming the source and line.
 */
public final class TextLines {

  private final Utf8LineReader reader;
  private final String source;
  private final ObjectMapper json;

  public TextLines(Utf8LineReader reader, String source, ObjectMapper json) {
    this.reader = reader;
    this.source = source;
    this.json = json;
  }

  /** Up to {@code max} texts; an empty list at the end of the input. */
  public List<String> next(int max) {
    List<String> out = new ArrayList<>(Math.min(max, 1024));
    try {
      String raw;
      while (out.size() < max && (raw = reader.readLine()) != null) {
        if (raw.isBlank()) {
          continue;
        }
        out.add(parse(raw));
      }
    } catch (Utf8LineReader.MalformedLineException e) {
      throw new InputException(source, e.line(), e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + " after line " + reader.lineNumber(), e);
    }
    return out;
  }

  private String parse(String raw) {
    JsonNode node;
    try {
      node = json.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new InputException(source, reader.lineNumber(), "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InputException(source, reader.lineNumber(), "expected a JSON object like {\"text\": \"...\"}");
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      throw new InputException(source, reader.lineNumber(), "field \"text\" is missing or not a string");
    }
    return text.textValue();
  }
}
