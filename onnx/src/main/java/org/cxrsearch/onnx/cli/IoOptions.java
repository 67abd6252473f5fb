package org.cxrsearch.onnx.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input} / {@code --output} for JSON-lines commands, stdin and stdout by default. */
public final class IoOptions {

  @Option(names = "--input", paramLabel = "FILE", description = "JSON lines {\"text\": ...}; default: stdin.")
  Path input;

  @Option(names = "--output", paramLabel = "FILE", description = "Where to write JSON lines; default: stdout.")
  Path output;

  /** The input; malformed UTF-8 is an error (not silently replaced). */
  public TextLines open(ObjectMapper json) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader reader = new BufferedReader(new InputStreamReader(
        input == null ? System.in : Files.newInputStream(input), decoder), 1 << 16);
    return new TextLines(reader, input == null ? "stdin" : input.toString(), json);
  }

  public Writer writer() throws IOException {
    return new BufferedWriter(new OutputStreamWriter(
        output == null ? System.out : Files.newOutputStream(output), StandardCharsets.UTF_8), 1 << 16);
  }
}
