package org.cxrsearch.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.cxrsearch.indexer.pipeline.IndexingSummary;
import org.junit.jupiter.api.Test;

class LineProgressTest {

  @Test
  void estimatesTheTotalFromTheBytesReadAndPrintsAtTheInterval() {
    // 100 records read from 1,000 of 4,000 bytes: about 400 records in all; 90 done in 10 s = 9/s.
    IndexingSummary s = new IndexingSummary(100, 80, 5, 5, 0, Duration.ofSeconds(10));
    assertEquals(400, ProgressEstimate.estimatedTotal(s, 1_000, 4_000));
    assertEquals(-1, ProgressEstimate.estimatedTotal(s, 1_000, -1));
    assertEquals(100, ProgressEstimate.estimatedTotal(s, 4_000, 4_000));
    assertEquals(
        "indexed 80, skipped 5, failed 5 of ~400 records (22%), 8.0 docs/s, ETA 34 s", LineProgress.line(s, 400));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong();
    LineProgress progress = new LineProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(10), now::get);
    progress.update(s, 1_000, 4_000); // too early
    now.set(Duration.ofSeconds(11).toNanos());
    progress.update(s, 1_000, 4_000);
    progress.update(s, 1_000, 4_000); // again too early
    assertEquals(1, bytes.toString(StandardCharsets.UTF_8).lines().count());
  }
}
