package org.cxrsearch.cli.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.cxrsearch.cli.index.FakeModelIndexCommand;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.lucene.store.ReportIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Stops an indexer process in the middle of a run, killed (SIGKILL) or terminated (SIGTERM, which
 * runs the shutdown hook as Ctrl-C does), then checks what the index holds and that
 * {@code --resume} ends with exactly the input ids, each once.
 */
class CrashResumeTest {

  private static final int RECORDS = 600;
  private static final int COMMIT_EVERY = 40;

  @TempDir Path dir;
  private Path input;
  private Path index;

  @org.junit.jupiter.api.BeforeEach
  void paths() {
    input = dir.resolve("reports.jsonl");
    index = dir.resolve("idx");
  }

  @Test
  void killedRunKeepsItsLastCommitAndResumeCompletesWithoutDuplicates() throws Exception {
    List<String> ids = writeInput();
    Process child = startIndexer();
    int committedAtKill = awaitCommittedDocs(index, 2 * COMMIT_EVERY, child);
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertTrue(committedAtKill < RECORDS, "killed mid-run");

    List<String> afterCrash = indexedIds(index);
    int committed = afterCrash.size();
    assertTrue(committed >= committedAtKill && committed < RECORDS, "committed " + committed);
    assertEquals(0, committed % COMMIT_EVERY, "only whole commits survive a kill: " + committed);
    assertEquals(new HashSet<>(ids.subList(0, committed)), new HashSet<>(afterCrash), "the last commit holds the first records");

    resumeAndCheck(ids, committed);
  }

  @Test
  void terminatedRunCommitsWhatItReadAndResumeCompletes() throws Exception {
    List<String> ids = writeInput();
    Process child = startIndexer();
    awaitCommittedDocs(index, COMMIT_EVERY, child);
    child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops reading and commits
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    String log = Files.readString(dir.resolve("child.log"));
    assertTrue(log.contains("stopping: writing and committing the records already read"), log);
    assertTrue(log.matches("(?s).*read [\\d,]+ records: indexed [\\d,]+, skipped 0 .*"), "the summary line is printed before the JVM exits: " + log);
    assertEquals(143, child.exitValue(), "SIGTERM's exit status");

    List<String> afterStop = indexedIds(index);
    int committed = afterStop.size();
    assertTrue(committed < RECORDS, "stopped mid-run");
    assertEquals(new HashSet<>(ids.subList(0, committed)), new HashSet<>(afterStop), "a prefix of the input, nothing lost in between");
    resumeAndCheck(ids, committed);
  }

  /**
   * Ctrl-C typed on a real terminal (a pseudo-terminal, where the progress bar is drawn): the run
   * stops reading, commits what it read, prints the summary and exits 130, in every progress mode.
   * A progress bar library that installed the OS default SIGINT action used to kill the JVM there
   * without running the stop hook: nothing committed, {@code .tmp} files left.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"bar", "auto", "lines", "none"})
  void ctrlCOnATerminalCommitsWhatWasReadInEveryProgressMode(String mode) throws Exception {
    boolean python = Files.isExecutable(Path.of("/usr/bin/python3"));
    if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
      // On CI the terminal test must run: a skip there would hide the defect it guards against.
      org.junit.jupiter.api.Assertions.assertTrue(python, "CI needs /usr/bin/python3 (its pty module drives the terminal)");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(python, "needs python3's pty module");
    List<String> ids = writeInput();
    Path script = dir.resolve("on_a_terminal.py");
    try (var in = CrashResumeTest.class.getResourceAsStream("on_a_terminal.py")) {
      Files.copy(in, script);
    }
    Path trigger = dir.resolve("press-ctrl-c");
    List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), trigger.toString(), "60"));
    command.addAll(indexerCommand(mode));
    Process terminal = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
    awaitCommittedDocs(index, COMMIT_EVERY, terminal);
    Files.createFile(trigger);
    assertTrue(terminal.waitFor(60, TimeUnit.SECONDS), "the terminal driver did not end");
    String log = Files.readString(dir.resolve("child.log"));

    if (mode.equals("bar") || mode.equals("auto")) {
      assertTrue(log.contains("Indexing"), "the bar is drawn on the terminal: " + log);
    }
    assertTrue(log.contains("EXIT 130"), "Ctrl-C's exit status after a clean stop (-2 = killed by SIGINT): " + log);
    assertTrue(log.contains("stopping: writing and committing the records already read"), log);
    java.util.regex.Matcher summary =
        java.util.regex.Pattern.compile("read ([\\d,]+) records: indexed ([\\d,]+), skipped 0 \\(already indexed\\), failed 0")
            .matcher(log);
    assertTrue(summary.find(), "the summary line is printed: " + log);
    int read = Integer.parseInt(summary.group(1).replace(",", ""));
    int indexed = Integer.parseInt(summary.group(2).replace(",", ""));
    assertEquals(read, indexed, "every record read was written");
    assertTrue(indexed < RECORDS, "stopped mid-run: " + indexed);

    List<String> committed = indexedIds(index);
    assertEquals(indexed, committed.size(), "the commit holds every record the summary reports");
    assertEquals(new HashSet<>(ids.subList(0, indexed)), new HashSet<>(committed), "a prefix of the input");
    try (var files = Files.walk(dir)) {
      assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList(), "no temporary files left");
    }
    resumeAndCheck(ids, indexed);
  }

  private List<String> writeInput() throws IOException {
    List<String> ids = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < RECORDS; i++) {
      String id = String.format("CXR-%04d", i);
      ids.add(id);
      sb.append("{\"id\": \"").append(id).append("\", \"text\": \"Report ").append(i)
          .append(": heart size normal, no effusion number ").append(i % 7).append(".\"}\n");
    }
    Files.writeString(input, sb);
    return ids;
  }

  /** The indexer in its own JVM: 60 encoder calls of 10 records, 100 ms each, about 6 s in all. */
  private Process startIndexer() throws IOException {
    return new ProcessBuilder(indexerCommand("none"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  private List<String> indexerCommand(String progressMode) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"),
        "-Dfake.delayMillis=100",
        FakeModelIndexCommand.class.getName(),
        "--index", index.toString(), "--input", input.toString(),
        "--commit-every", Integer.toString(COMMIT_EVERY), "--window", "10", "--progress", progressMode);
  }

  /** Runs {@code --resume} in-process: it skips exactly the committed records and ends with every id once. */
  private void resumeAndCheck(List<String> ids, int committed) throws IOException {
    StringWriter out = new StringWriter();
    CommandLine resume = FakeModelIndexCommand.commandLine(0).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true));
    int code = resume.execute("--index", index.toString(), "--input", input.toString(), "--resume", "--progress", "none");
    assertEquals(0, code);
    assertTrue(
        out.toString().contains(String.format("indexed %,d, skipped %,d (already indexed)", RECORDS - committed, committed)),
        out.toString());

    List<String> finalIds = indexedIds(index);
    assertEquals(RECORDS, finalIds.size(), "no duplicates, no loss");
    assertEquals(new LinkedHashSet<>(ids), new LinkedHashSet<>(finalIds.stream().sorted().toList()));
  }

  /** Polls the committed index until it holds {@code atLeast} documents; fails if the child exits first. */
  private static int awaitCommittedDocs(Path index, int atLeast, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("the indexer ended before it could be killed, exit " + child.exitValue());
      }
      try (ReportIndex r = ReportIndex.openReadOnly(index)) {
        int n = r.numDocs();
        if (n >= atLeast) {
          return n;
        }
      } catch (IndexNotFoundException | java.nio.file.NoSuchFileException notYet) {
        // the child has not created the index yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no commit with " + atLeast + " documents within 60 s");
  }

  /** Every live document's id in the last commit, duplicates included. */
  private static List<String> indexedIds(Path index) throws IOException {
    try (ReportIndex r = ReportIndex.openReadOnly(index)) {
      return r.withSearcher(s -> {
        List<String> out = new ArrayList<>();
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
          Bits live = leaf.reader().getLiveDocs();
          var stored = leaf.reader().storedFields();
          for (int d = 0; d < leaf.reader().maxDoc(); d++) {
            if (live == null || live.get(d)) {
              out.add(stored.document(d, Set.of(ReportFields.ID)).get(ReportFields.ID));
            }
          }
        }
        return out;
      });
    }
  }
}
