package org.cxrsearch.cli.encode;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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

  /** The input; malformed UTF-8 is an error naming its line (not silently replaced). */
  public TextLines open(ObjectMapper json) throws IOException {
    Utf8LineReader reader = new Utf8LineReader(input == null ? System.in : Files.newInputStream(input));
    return new TextLines(reader, input == null ? "stdin" : input.toString(), json);
  }

  public Writer writer() throws IOException {
    return new BufferedWriter(new OutputStreamWriter(
        output == null ? System.out : Files.newOutputStream(output), StandardCharsets.UTF_8), 1 << 16);
  }
}
