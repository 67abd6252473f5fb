package org.cxrsearch.cli.encode;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.cxrsearch.cli.encode.TextModeOptions.Mode;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.tokenize.TokenizedText;
import picocli.CommandLine.Command;

/** {@code cxrsearch tokenize}: what the model would read, unpadded: ids and pooling mask per text. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = "Tokenize texts: reads JSON lines {\"text\": ...}, writes {\"input_ids\": [...], \"embed_mask\": [...]}"
        + " per line, unpadded.")
public final class TokenizeCommand extends TextStreamCommand {

  @Override
  void write(OnnxEncoder encoder, List<String> texts, JsonGenerator gen) throws IOException {
    List<TokenizedText> rows = mode.mode() == Mode.TEXT ? encoder.tokenizeText(texts) : encoder.tokenizeWithInstruction(texts);
    for (TokenizedText t : rows) {
      gen.writeStartObject();
      gen.writeFieldName("input_ids");
      gen.writeArray(t.ids(), 0, t.length());
      gen.writeFieldName("embed_mask");
      gen.writeArray(t.embedMask(), 0, t.length());
      gen.writeEndObject();
      gen.writeRaw('\n');
    }
  }
}
