package org.cxrsearch.onnx.convert.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cxrsearch.onnx.convert.ConversionException;

/**
 * Checks that a Hugging Face {@code tokenizer.json} fits the embedding table: every id of its
 * vocabulary and added tokens, and the pad id, must index a row of {@code embed_tokens}. A
 * mismatched tokenizer would otherwise fail only at encoding time, or silently read a wrong row.
 */
public final class TokenizerCheck {

  public static final String FILE_NAME = "tokenizer.json";

  /** Returns the largest token id of {@code dir/tokenizer.json}, after checking it is below {@code rows}. */
  public long check(Path dir, long rows, long padId, ObjectMapper json) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new ConversionException(dir + " has no " + FILE_NAME + " (the bundle needs the model's tokenizer)");
    }
    JsonNode root;
    try {
      root = json.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConversionException("cannot read " + file + ": " + e.getMessage(), e);
    }
    JsonNode vocab = root.path("model").path("vocab");
    if (!vocab.isObject() || vocab.isEmpty()) {
      throw new ConversionException(file + " has no model.vocab");
    }
    long max = -1;
    String maxToken = null;
    for (var e : vocab.properties()) {
      if (e.getValue().asLong() > max) {
        max = e.getValue().asLong();
        maxToken = e.getKey();
      }
    }
    for (JsonNode added : root.path("added_tokens")) {
      long id = added.path("id").asLong(-1);
      if (id > max) {
        max = id;
        maxToken = added.path("content").asText();
      }
    }
    if (max >= rows) {
      throw new ConversionException(file + ": token '" + maxToken + "' has id " + max
          + ", but the embedding table (model.embed_tokens.weight) has only " + rows
          + " rows: the tokenizer does not belong to this checkpoint");
    }
    if (padId >= rows) {
      throw new ConversionException("pad id " + padId + " is outside the embedding table of " + rows + " rows");
    }
    return max;
  }
}
