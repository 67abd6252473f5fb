package org.cxrsearch.cli.encode;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.cxrsearch.cli.encode.TextModeOptions.Mode;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.pool.Vectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cxrsearch encode}: JSON lines of texts in, one {@code {"embedding": [...]}} line per text out, in order. */
@Command(name = "encode", mixinStandardHelpOptions = true,
    description = "Embed texts: reads JSON lines {\"text\": ...}, writes {\"embedding\": [...]} per line, in order.")
public final class EncodeCommand extends TextStreamCommand {

  @Option(names = "--normalize", description = "L2-normalise the vectors (raw model output otherwise).")
  boolean normalize;

  @Override
  void write(OnnxEncoder encoder, List<String> texts, JsonGenerator gen) throws IOException {
    float[][] vectors = mode.mode() == Mode.TEXT ? encoder.encodeText(texts) : encoder.encodeWithInstruction(texts);
    for (float[] v : vectors) {
      float[] e = normalize ? Vectors.l2Normalized(v) : v;
      gen.writeStartObject();
      gen.writeArrayFieldStart("embedding");
      for (float x : e) {
        gen.writeNumber(x); // shortest decimal that reads back as the same float
      }
      gen.writeEndArray();
      gen.writeEndObject();
      gen.writeRaw('\n');
    }
  }
}
