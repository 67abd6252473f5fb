package org.cxrsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cxrsearch.indexer.HashingEncoder;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a user sees besides the output they asked for: nothing on a successful run, one line of
 * error plus a pointer to {@code --help} on a usage error (exit 2), and no picocli warnings in help.
 */
@Timeout(120)
class QuietCommandLineTest {

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = CxrSearch.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void everyVerbsHelpRendersWithoutPicocliWarnings() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter help = new StringWriter();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (CommandLine sub : CxrSearch.newCommandLine().getSubcommands().values()) {
        sub.usage(new PrintWriter(help, true));
      }
    } finally {
      System.setErr(original);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
    assertTrue(help.toString().contains("!@#$%^&*()There"), "the % example is shown verbatim");
  }

  @Test
  void usageErrorIsOneLinePlusWhereHelpIs() {
    assertEquals(2, run("search", "--index", tmp.toString(), "--query", "x", "--bogus"));
    List<String> lines = err.toString().lines().toList();
    assertEquals(List.of("cxrsearch: Unknown option: '--bogus'", "Try 'cxrsearch search --help' for more information."),
        lines, err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void nonPositiveHitCountIsAUsageError() {
    assertEquals(2, run("search", "--index", tmp.resolve("none").toString(), "--query", "x", "-k", "0"));
    assertTrue(err.toString().startsWith("cxrsearch: Invalid value for option '-k': 0 (must be at least 1)"), err.toString());
  }

  @Test
  void badCsvColumnMappingIsAUsageError() throws IOException {
    Path csv = Files.writeString(tmp.resolve("r.csv"), "uid,findings\n1,Clear lungs.\n");
    assertEquals(2, run("index", "--index", tmp.resolve("idx").toString(), "--input", csv.toString(),
        "--csv-columns", "id:uid"));
    assertTrue(err.toString().startsWith("cxrsearch: Invalid value for option '--csv-columns': bad CSV column mapping"
        + " entry 'id:uid': expected field=column"), err.toString());
    assertTrue(Files.notExists(tmp.resolve("idx")), "nothing is created on a usage error");
  }

  @Test
  void aSuccessfulRunPrintsOnlyItsOutputUnlessVerbose() throws Exception {
    Path index = tmp.resolve("idx");
    HashingEncoder encoder = new HashingEncoder();
    try (ReportIndex idx = ReportIndex.openForWriting(index,
        new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT, "hashing"), IndexSettings.DEFAULTS)) {
      idx.upsert(ReportDocument.of("r1", "Small left pleural effusion."),
          encoder.encodeDocuments(List.of("Small left pleural effusion."))[0]);
      idx.commit();
    }
    // Lucene opens its vector code and, without the incubating Vector API module, warns about it.
    Result quiet = java("stats", "--index", index.toString());
    assertEquals(0, quiet.code(), quiet.err());
    assertEquals("", quiet.err());
    assertTrue(quiet.out().startsWith("documents"), quiet.out());
    Result verbose = java("stats", "--verbose", "--index", index.toString());
    assertEquals(0, verbose.code(), verbose.err());
    assertTrue(verbose.err().contains("org.apache.lucene.internal.vectorization"), verbose.err());
    assertEquals(quiet.out(), verbose.out());
  }

  /**
   * This JVM's class path without empty entries: Surefire's ends in a separator, which would put the
   * working directory on the child's class path.
   */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.isEmpty()).collect(Collectors.joining(File.pathSeparator));
  }

  private record Result(int code, String out, String err) {}

  /** The command line in a JVM of its own, started as bin/cxrsearch starts it (minus class-data sharing). */
  private Result java(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", classPath(), CxrSearch.class.getName()));
    cmd.addAll(List.of(args));
    File stdout = tmp.resolve("stdout").toFile();
    File stderr = tmp.resolve("stderr").toFile();
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(stderr)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("cxrsearch " + String.join(" ", args) + " did not finish in 90 s");
    }
    return new Result(p.exitValue(), Files.readString(stdout.toPath()), Files.readString(stderr.toPath()));
  }
}
