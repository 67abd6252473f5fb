package org.cxrsearch.cli.encode;

import org.cxrsearch.cli.ModelOptions;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.pool.Vectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxrsearch similarities}: the model card's {@code compute_similarities(query, candidates)}:
 * the query and every candidate through the separator API, plain cosine scores.
 */
@Command(name = "similarities", mixinStandardHelpOptions = true,
    description = "Cosine similarity of a query to candidates (JSON lines {\"text\": ...}); writes {\"scores\": [...]}."
        + " Query and candidates go through the separator API, e.g. --query 'Determine the status of the pleural"
        + " effusion.; !@#$%%^&*()There is a small left effusion.'")
public final class SimilaritiesCommand implements Callable<Integer> {

  @Mixin ModelOptions model;
  @Mixin IoOptions io;

  @Option(names = "--query", required = true, paramLabel = "STR", description = "The query text (may contain the separator).")
  String query;

  @Override
  public Integer call() throws Exception {
    ObjectMapper json = new ObjectMapper();
    TextLines in = io.open(json);
    try (OnnxEncoder encoder = model.open(); Writer out = io.writer(); JsonGenerator gen = json.createGenerator(out)) {
      float[] q = encoder.encodeWithInstruction(List.of(query))[0];
      List<Float> scores = new ArrayList<>();
      for (List<String> texts = in.next(TextStreamCommand.CHUNK); !texts.isEmpty(); texts = in.next(TextStreamCommand.CHUNK)) {
        for (float[] c : encoder.encodeWithInstruction(texts)) {
          scores.add(Vectors.cosine(q, c));
        }
      }
      gen.writeStartObject();
      gen.writeArrayFieldStart("scores");
      for (float s : scores) {
        gen.writeNumber(s);
      }
      gen.writeEndArray();
      gen.writeEndObject();
      gen.writeRaw('\n');
    }
    return 0;
  }
}
