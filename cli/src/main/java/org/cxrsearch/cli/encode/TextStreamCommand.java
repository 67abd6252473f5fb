package org.cxrsearch.cli.encode;

import org.cxrsearch.cli.ModelOptions;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import picocli.CommandLine.Mixin;

/**
 * Template of the verbs that stream texts through a model: read JSON lines in chunks, apply
 * {@code --mode}/{@code --instruction}, hand each chunk to {@link #write}, one output line per text,
 * in input order.
 */
abstract class TextStreamCommand implements Callable<Integer> {

  static final int CHUNK = 1024;

  @Mixin ModelOptions model;
  @Mixin TextModeOptions mode;
  @Mixin IoOptions io;

  /** Writes one JSON line per text of {@code texts} (already prepared for {@link #mode}). */
  abstract void write(OnnxEncoder encoder, List<String> texts, JsonGenerator out) throws IOException;

  @Override
  public final Integer call() throws Exception {
    mode.validate();
    ObjectMapper json = new ObjectMapper();
    TextLines in = io.open(json);
    try (OnnxEncoder encoder = model.open(); Writer out = io.writer(); JsonGenerator gen = json.createGenerator(out)) {
      for (List<String> texts = in.next(CHUNK); !texts.isEmpty(); texts = in.next(CHUNK)) {
        write(encoder, mode.prepare(encoder, texts), gen);
        gen.flush();
      }
    }
    return 0;
  }
}
