package org.cxrsearch.onnx.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import org.cxrsearch.onnx.cli.TextModeOptions.Mode;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.pool.Vectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxrsearch encode}: JSON lines of texts in, one {@code {"embedding": [...]}} line per text out, in order. */
@Command(name = "encode", mixinStandardHelpOptions = true,
    description = "Embed texts: reads JSON lines {\"text\": ...}, writes {\"embedding\": [...]} per line, in order.")
public final class EncodeCommand implements Callable<Integer> {

  static final int CHUNK = 1024;

  @Mixin ModelOptions model;
  @Mixin TextModeOptions mode;
  @Mixin IoOptions io;

  @Option(names = "--normalize", description = "L2-normalise the vectors (raw model output otherwise).")
  boolean normalize;

  @Override
  public Integer call() throws Exception {
    mode.validate();
    ObjectMapper json = new ObjectMapper();
    TextLines in = io.open(json);
    try (OnnxEncoder encoder = model.open(); Writer out = io.writer(); JsonGenerator gen = json.createGenerator(out)) {
      gen.setRootValueSeparator(null);
      for (List<String> texts = in.next(CHUNK); !texts.isEmpty(); texts = in.next(CHUNK)) {
        List<String> prepared = mode.prepare(encoder, texts);
        float[][] vectors = mode.mode() == Mode.TEXT ? encoder.encodeText(prepared) : encoder.encodeWithInstruction(prepared);
        for (float[] v : vectors) {
          gen.writeStartObject();
          gen.writeFieldName("embedding");
          float[] e = normalize ? Vectors.l2Normalized(v) : v;
          gen.writeStartArray();
          for (float x : e) {
            gen.writeNumber(x); // shortest decimal that reads back as the same float
          }
          gen.writeEndArray();
          gen.writeEndObject();
          gen.writeRaw('\n');
        }
        gen.flush();
      }
    }
    return 0;
  }
}
