package org.cxrsearch.onnx.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import org.cxrsearch.onnx.cli.TextModeOptions.Mode;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.tokenize.TokenizedText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cxrsearch tokenize}: what the model would read, unpadded: ids and pooling mask per text. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = "Tokenize texts: reads JSON lines {\"text\": ...}, writes {\"input_ids\": [...], \"embed_mask\": [...]}"
        + " per line, unpadded.")
public final class TokenizeCommand implements Callable<Integer> {

  @Mixin ModelOptions model;
  @Mixin TextModeOptions mode;
  @Mixin IoOptions io;

  @Override
  public Integer call() throws Exception {
    mode.validate();
    ObjectMapper json = new ObjectMapper();
    TextLines in = io.open(json);
    try (OnnxEncoder encoder = model.open(); Writer out = io.writer(); JsonGenerator gen = json.createGenerator(out)) {
      for (List<String> texts = in.next(EncodeCommand.CHUNK); !texts.isEmpty(); texts = in.next(EncodeCommand.CHUNK)) {
        List<String> prepared = mode.prepare(encoder, texts);
        List<TokenizedText> rows = mode.mode() == Mode.TEXT
            ? encoder.tokenizeText(prepared) : encoder.tokenizeWithInstruction(prepared);
        for (TokenizedText t : rows) {
          gen.writeStartObject();
          gen.writeFieldName("input_ids");
          gen.writeArray(t.ids(), 0, t.length());
          gen.writeFieldName("embed_mask");
          gen.writeArray(t.embedMask(), 0, t.length());
          gen.writeEndObject();
          gen.writeRaw('\n');
        }
        gen.flush();
      }
    }
    return 0;
  }
}
