package org.cxrsearch.cli.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cxrsearch.cli.convert.ConvertCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code convert} command's exit codes and messages. */
class ConvertCommandTest {

  private static final Path TINY = Path.of(System.getProperty("cxr.testdata", "../testdata")).resolve("llm2vec4cxr-tiny");

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new ConvertCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void convertsTheFixture() {
    Path bundle = tmp.resolve("b");
    assertEquals(0, run("--from", TINY.resolve("hf").toString(), "--to", bundle.toString(),
        "--precision", "int8", "--style", "plain"), err.toString());
    assertTrue(Files.isRegularFile(bundle.resolve("manifest.json")));
    assertTrue(out.toString().contains("precision int8, style plain"), out.toString());
  }

  @Test
  void rejectsUnknownPrecision() {
    Path bundle = tmp.resolve("b");
    assertEquals(2, run("--from", TINY.resolve("hf").toString(), "--to", bundle.toString(),
        "--precision", "bf8"));
    assertTrue(err.toString().contains("unknown precision 'bf8'; choose one of [fp32, fp16, int8, int8-block, int4]"),
        err.toString());
    assertFalse(Files.exists(bundle));
  }

  @Test
  void reportsABadCheckpoint() {
    assertEquals(1, run("--from", tmp.toString(), "--to", tmp.resolve("b").toString()));
    assertTrue(err.toString().contains("has no config.json"), err.toString());
  }
}
