package org.cxrsearch.indexer.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cxrsearch.indexer.HashingEncoder;
import org.cxrsearch.indexer.progress.ProgressListener;
import org.cxrsearch.indexer.read.JsonLinesReader;
import org.cxrsearch.indexer.read.ReadLimits;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.onnx.pool.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexingPipelineTest {

  @TempDir Path dir;

  private Path input(String... lines) throws IOException {
    Path p = Files.createTempFile(dir, "in", ".jsonl");
    Files.writeString(p, String.join("\n", lines) + "\n");
    return p;
  }

  private static String report(String id, String text) {
    return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\"}";
  }

  private ReportIndex open(TextEncoder encoder) throws IOException {
    return ReportIndex.openForWriting(
        dir.resolve("index"), new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT), IndexSettings.DEFAULTS);
  }

  private IndexingSummary run(TextEncoder encoder, IndexingSettings settings, Path input) throws Exception {
    try (ReportIndex index = open(encoder);
        ErrorLog errors = new ErrorLog(dir.resolve("errors.jsonl"));
        var reader = new JsonLinesReader(input, ReadLimits.DEFAULTS)) {
      return new IndexingPipeline(encoder, index, errors, settings, ProgressListener.NONE).run(reader);
    }
  }

  @Test
  void indexesEveryRecordWithTheSeparatorEmbeddingAndLogsBadOnes() throws Exception {
    HashingEncoder encoder = new HashingEncoder();
    Path in =
        input(
            report("r1", "Small left pleural effusion."),
            "{broken",
            report("r2", "No pneumothorax."),
            "{\"text\": \"orphan\"}",
            report("r3", "Cardiomegaly, s/p CABG."));
    IndexingSummary s = run(encoder, IndexingSettings.DEFAULTS.withWindowSize(2), in);
    assertEquals(5, s.read());
    assertEquals(3, s.indexed());
    assertEquals(2, s.failed());
    assertEquals(0, s.skipped());

    List<String> errors = Files.readAllLines(dir.resolve("errors.jsonl"));
    assertEquals(2, errors.size());
    assertTrue(errors.get(0).matches("\\{\"file\":\".*in.*\\.jsonl\",\"line\":2,\"id\":null,\"reason\":\"malformed JSON: .*\"}"), errors.get(0));
    assertTrue(errors.get(1).contains("\"line\":4,\"id\":null,\"reason\":\"missing id\""), errors.get(1));

    try (ReportIndex index = ReportIndex.openReadOnly(dir.resolve("index"))) {
      assertEquals(3, index.numDocs());
      // The stored vector is the unit vector of the report embedded as separator + text.
      assertArrayEquals(
          Vectors.l2Normalized(HashingEncoder.embed("Cardiomegaly, s/p CABG.")), index.vector("r3").orElseThrow(), 1e-6f);
    }
  }

  @Test
  void reindexingReplacesAndResumeSkipsUnchangedIds() throws Exception {
    HashingEncoder encoder = new HashingEncoder();
    run(encoder, IndexingSettings.DEFAULTS, input(report("a", "Clear lungs."), report("b", "Old text."), report("c", "Stable.")));

    IndexingSummary again =
        run(
            encoder,
            IndexingSettings.DEFAULTS.withResume(true),
            input(report("a", "Clear lungs."), report("b", "New text."), report("d", "Right effusion.")));
    assertEquals(1, again.skipped(), "a is unchanged");
    assertEquals(2, again.indexed(), "b replaced, d added");

    try (ReportIndex index = ReportIndex.openReadOnly(dir.resolve("index"))) {
      assertEquals(4, index.numDocs());
      assertEquals("New text.", index.get("b").orElseThrow().text());
    }
  }

  @Test
  void withoutResumeEveryRecordIsRewrittenAndTheLaterDuplicateWins() throws Exception {
    HashingEncoder encoder = new HashingEncoder();
    run(encoder, IndexingSettings.DEFAULTS, input(report("a", "One.")));
    IndexingSummary s =
        run(encoder, IndexingSettings.DEFAULTS.withWindowSize(1), input(report("a", "One."), report("a", "Two.")));
    assertEquals(2, s.indexed());
    try (ReportIndex index = ReportIndex.openReadOnly(dir.resolve("index"))) {
      assertEquals(1, index.numDocs());
      assertEquals("Two.", index.get("a").orElseThrow().text());
    }
  }

  @Test
  void resumeWithARepeatedIdEndsWithTheLastRecordOfTheInput() throws Exception {
    HashingEncoder encoder = new HashingEncoder();
    Path in = input(report("x", "Old A."), report("y", "Stable."), report("x", "New B."));
    run(encoder, IndexingSettings.DEFAULTS, in);
    // The committed x is B; on resume x=A differs from it and is rewritten, so x=B must be rewritten
    // after it even though it matches the (now stale) commit.
    IndexingSummary resumed = run(encoder, IndexingSettings.DEFAULTS.withResume(true).withWindowSize(1), in);
    assertEquals(1, resumed.skipped(), "only y is unchanged");
    assertEquals(2, resumed.indexed());
    try (ReportIndex index = ReportIndex.openReadOnly(dir.resolve("index"))) {
      assertEquals(2, index.numDocs());
      assertEquals("New B.", index.get("x").orElseThrow().text());
      assertArrayEquals(Vectors.l2Normalized(HashingEncoder.embed("New B.")), index.vector("x").orElseThrow(), 1e-6f);
    }
  }

  @Test
  void commitsEveryNDocumentsAndEveryInterval() throws Exception {
    HashingEncoder encoder = new HashingEncoder();
    Path in = input(report("a", "x"), report("b", "x"), report("c", "x"), report("d", "x"), report("e", "x"));
    IndexingSummary byCount = run(encoder, IndexingSettings.DEFAULTS.withCommits(2, Duration.ofHours(1)), in);
    assertEquals(3, byCount.commits(), "after b, after d, and the final one");

    // A clock that advances 1 s per reading: with a 3.5 s interval a commit falls due every few documents.
    AtomicLong now = new AtomicLong();
    try (ReportIndex index = open(encoder);
        ErrorLog errors = new ErrorLog(dir.resolve("errors.jsonl"));
        var reader = new JsonLinesReader(in, ReadLimits.DEFAULTS)) {
      IndexingSummary byTime =
          new IndexingPipeline(
                  encoder,
                  index,
                  errors,
                  IndexingSettings.DEFAULTS.withCommits(1000, Duration.ofMillis(3500)).withWindowSize(5),
                  ProgressListener.NONE,
                  () -> now.addAndGet(1_000_000_000L))
              .run(reader);
      assertTrue(byTime.commits() >= 2, "interval commits happened: " + byTime.commits());
    }
  }

  /** An encoder with the hashing encoder's identity that embeds (separator-prefixed) texts with {@code embed}. */
  private static TextEncoder encoder(java.util.function.Function<List<String>, float[][]> embed) {
    HashingEncoder good = new HashingEncoder();
    return new TextEncoder() {
      @Override
      public org.cxrsearch.onnx.encode.EncoderInfo info() {
        return good.info();
      }

      @Override
      public float[][] encodeText(List<String> texts) {
        throw new UnsupportedOperationException();
      }

      @Override
      public float[][] encodeWithInstruction(List<String> texts) {
        return embed.apply(texts);
      }

      @Override
      public void close() {}
    };
  }

  /** The hashing encoder, except that a text containing {@code trigger} gets the vector {@code poison}. */
  private static TextEncoder encoderWith(String trigger, float[] poison) {
    HashingEncoder good = new HashingEncoder();
    return encoder(texts -> {
      float[][] v = good.encodeWithInstruction(texts);
      for (int i = 0; i < v.length; i++) {
        if (texts.get(i).contains(trigger)) {
          v[i] = poison;
        }
      }
      return v;
    });
  }

  @Test
  void aDocumentTheIndexRefusesGoesToTheErrorsFileAndTheRunGoesOn() throws Exception {
    float[] nan = new float[HashingEncoder.DIMS];
    nan[3] = Float.NaN;
    Path in = input(report("a", "Clear."), report("b", "poison"), report("c", "Effusion."));
    IndexingSummary s = run(encoderWith("poison", nan), IndexingSettings.DEFAULTS, in);
    assertEquals(2, s.indexed());
    assertEquals(1, s.failed());
    List<String> errors = Files.readAllLines(dir.resolve("errors.jsonl"));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("\"line\":2,\"id\":\"b\",\"reason\":\"report 'b': vector is zero or not finite"), errors.get(0));
    try (ReportIndex index = ReportIndex.openReadOnly(dir.resolve("index"))) {
      assertEquals(2, index.numDocs());
      assertTrue(index.get("b").isEmpty());
    }
  }

  @Test
  void aFailedRunDoesNotCommitItsUncommittedWork() throws Exception {
    Path in = input(report("a", "x"), report("b", "y"), report("c", "crash"));
    HashingEncoder good = new HashingEncoder();
    TextEncoder failing = encoder(texts -> {
      if (texts.stream().anyMatch(t -> t.contains("crash"))) {
        throw new IllegalStateException("model crashed");
      }
      return good.encodeWithInstruction(texts);
    });
    // a and b are written (window 1) but not committed (every 100) when window 2 fails
    assertThrows(IllegalStateException.class,
        () -> run(failing, IndexingSettings.DEFAULTS.withWindowSize(2).withCommits(100, Duration.ofHours(1)), in));
    try (ReportIndex index = ReportIndex.openReadOnly(dir.resolve("index"))) {
      assertEquals(0, index.numDocs(), "closing the index after a failure committed nothing");
    }
  }

  @Test
  void aFailingRunReturnsOnlyAfterTheEncoderCallInFlightHasEnded() throws Exception {
    HashingEncoder good = new HashingEncoder();
    AtomicInteger calls = new AtomicInteger();
    AtomicBoolean inCall = new AtomicBoolean();
    CountDownLatch secondCallStarted = new CountDownLatch(1);
    TextEncoder uninterruptible = encoder(texts -> {
      if (calls.incrementAndGet() == 2) {
        inCall.set(true);
        secondCallStarted.countDown();
        long end = System.nanoTime() + 300_000_000L; // like a native session.run: deaf to interrupts
        while (System.nanoTime() < end) {
          Thread.onSpinWait();
        }
        inCall.set(false);
      }
      return good.encodeWithInstruction(texts);
    });
    // the write stage fails (here: its progress display) while the encoder is inside its second call
    ProgressListener failsOnceEncoding = displayThatBreaksAfter(secondCallStarted, 0);
    Path in = input(report("a", "x"), report("b", "y"), report("c", "z"));
    try (ReportIndex index = open(uninterruptible);
        ErrorLog errors = new ErrorLog(dir.resolve("errors.jsonl"));
        var reader = new JsonLinesReader(in, ReadLimits.DEFAULTS)) {
      IndexingPipeline pipeline =
          new IndexingPipeline(uninterruptible, index, errors, IndexingSettings.DEFAULTS.withWindowSize(1), failsOnceEncoding);
      var e = assertThrows(IllegalStateException.class, () -> pipeline.run(reader));
      assertEquals("display broke", e.getMessage());
      assertFalse(inCall.get(), "run() returned while an encoder call was still running: the caller would close it");
    }
  }

  @Test
  void anEncoderFailureFailsTheRunAndKeepsEarlierCommits() throws Exception {
    HashingEncoder good = new HashingEncoder();
    AtomicInteger calls = new AtomicInteger();
    TextEncoder failsOnSecondCall = encoder(texts -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("model crashed");
      }
      return good.encodeWithInstruction(texts);
    });
    Path in = input(report("a", "x"), report("b", "y"), report("c", "z"), report("d", "w"));
    var e =
        assertThrows(
            IllegalStateException.class,
            () -> run(failsOnSecondCall, IndexingSettings.DEFAULTS.withWindowSize(2).withCommits(2, Duration.ofHours(1)), in));
    assertEquals("model crashed", e.getMessage());
    try (ReportIndex index = ReportIndex.openReadOnly(dir.resolve("index"))) {
      assertEquals(2, index.numDocs(), "the first window was committed before the failure");
      assertTrue(index.get("a").isPresent() && index.get("b").isPresent());
    }
  }

  @Test
  void duplicateIdsInOneInputAreCountedAndNamedInTheSummary() throws Exception {
    HashingEncoder encoder = new HashingEncoder();
    Path in = input(report("a", "One."), report("b", "Two."), report("a", "Three."), report("c", "Four."),
        report("b", "Five."), report("a", "Six."));
    IndexingSummary s = run(encoder, IndexingSettings.DEFAULTS.withWindowSize(2), in);
    assertEquals(6, s.indexed());
    assertEquals(3, s.duplicates(), "records 3, 5 and 6 repeat an id read before");
    assertEquals(List.of("a", "b"), s.firstDuplicates());
    assertTrue(s.describe().contains("3 records repeat an id read earlier in this input (the last one wins): a, b"),
        s.describe());
    try (ReportIndex index = ReportIndex.openReadOnly(dir.resolve("index"))) {
      assertEquals(3, index.numDocs());
      assertEquals("Six.", index.get("a").orElseThrow().text());
    }

    IndexingSummary unique = run(encoder, IndexingSettings.DEFAULTS, input(report("x", "One."), report("y", "Two.")));
    assertEquals(0, unique.duplicates());
    assertFalse(unique.describe().contains("repeat"), unique.describe());
  }

  /** Enough records, one per window, to fill both queues (depth 2) while a stage is failing. */
  private Path fiftyReports() throws IOException {
    String[] lines = new String[50];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = report("r" + i, "Report number " + i + ".");
    }
    return input(lines);
  }

  @Test
  void anEncoderFailureWhileTheReadQueueIsFullEndsTheRunPromptly() throws Exception {
    TextEncoder failsSlowly = encoder(texts -> {
      sleep(200); // meanwhile the read stage fills its queue and blocks in put
      throw new IllegalStateException("model crashed");
    });
    Path in = fiftyReports();
    // Preemptive: a hang here is the defect, and run() deliberately outlives interrupts of its caller.
    var e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(IllegalStateException.class, () -> run(failsSlowly, IndexingSettings.DEFAULTS.withWindowSize(1), in)));
    assertEquals("model crashed", e.getMessage());
  }

  @Test
  void aWriteFailureWhileTheEncodeQueueIsFullEndsTheRunPromptly() throws Exception {
    HashingEncoder good = new HashingEncoder();
    CountDownLatch encodeQueueFull = new CountDownLatch(4); // 1 being written, 2 queued, 1 waiting in put
    TextEncoder counting = encoder(texts -> {
      encodeQueueFull.countDown();
      return good.encodeWithInstruction(texts);
    });
    ProgressListener failingWriter = displayThatBreaksAfter(encodeQueueFull, 100); // 100 ms: the encoder reaches its put
    Path in = fiftyReports();
    var e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (ReportIndex index = open(counting);
          ErrorLog errors = new ErrorLog(dir.resolve("errors.jsonl"));
          var reader = new JsonLinesReader(in, ReadLimits.DEFAULTS)) {
        IndexingPipeline pipeline =
            new IndexingPipeline(counting, index, errors, IndexingSettings.DEFAULTS.withWindowSize(1), failingWriter);
        return assertThrows(IllegalStateException.class, () -> pipeline.run(reader));
      }
    });
    assertEquals("display broke", e.getMessage());
  }

  /**
   * A progress display that fails the write stage ("display broke") on its first update, once
   * {@code latch} has opened and {@code settleMillis} more have passed.
   */
  private static ProgressListener displayThatBreaksAfter(CountDownLatch latch, long settleMillis) {
    return new ProgressListener() {
      @Override
      public void update(IndexingSummary soFar, long bytesRead, long totalBytes) {
        try {
          latch.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        sleep(settleMillis);
        throw new IllegalStateException("display broke");
      }

      @Override
      public void close() {}
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
