package org.cxrsearch.indexer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.cxrsearch.indexer.progress.ProgressListener;
import org.cxrsearch.indexer.read.InputRecord;
import org.cxrsearch.indexer.read.ReadOutcome;
import org.cxrsearch.indexer.read.RecordError;
import org.cxrsearch.indexer.read.RecordReader;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.onnx.encode.TextEncoder;

/**
 * Reads, embeds and writes reports into a {@link ReportIndex}, the three stages overlapped.
 *
 * <pre>
 *  [read thread]            [encode thread]               [calling thread]
 *  RecordReader ─ window ─▶ encoder.encodeDocuments ─────▶ ReportIndex.upsert ─▶ commit
 *     │  (bounded queue)      (bounded queue, in order)       every N docs / S seconds
 *     └─▶ ErrorLog (bad records), resume check (skip unchanged ids)
 * </pre>
 *
 * <p>The read stage groups accepted records into windows of {@link IndexingSettings#windowSize()}.
 * The encoder sorts each window by length and cuts it into token-budgeted batches (so the batches
 * are length-sorted), and returns the vectors in input order. The queues between stages hold at
 * most {@link IndexingSettings#queueDepth()} windows, which bounds memory whatever the input size:
 * a slow stage blocks the one before it. There is one encode thread on purpose: the encoder is
 * already parallel inside (ONNX Runtime intra-op threads), and one thread keeps the windows in
 * input order, so when an id occurs twice in the input the later record wins.
 *
 * <p>The resume check compares a record with the last commit, which knows nothing of what this
 * run wrote since. So an id is only ever skipped on its first occurrence in the run: once a record
 * of an id has been sent to be written, later records of that id are written too, and the later
 * record still wins (input {@code [x=A, x=B]} over a committed {@code x=B} rewrites A, then B).
 *
 * <p>Durability: documents become durable at each commit. A crash loses at most the documents
 * since the last commit; a run with {@link IndexingSettings#resume()} then skips every record whose
 * id is indexed with the same {@link ReportDocument#contentHash()}, and rewrites the others (an
 * upsert by id, so never a duplicate). {@link #requestStop()} (Ctrl-C) stops reading, writes what is
 * in flight and commits.
 */
public final class IndexingPipeline {

  private static final System.Logger LOG = System.getLogger(IndexingPipeline.class.getName());
  private static final int STAGE_WAIT_LOG_SECONDS = 10;

  private final TextEncoder encoder;
  private final ReportIndex index;
  private final ErrorLog errors;
  private final IndexingSettings settings;
  private final ProgressListener progress;
  private final LongSupplier nanoClock;
  private volatile boolean stopRequested;

  public IndexingPipeline(
      TextEncoder encoder, ReportIndex index, ErrorLog errors, IndexingSettings settings, ProgressListener progress) {
    this(encoder, index, errors, settings, progress, System::nanoTime);
  }

  IndexingPipeline(
      TextEncoder encoder,
      ReportIndex index,
      ErrorLog errors,
      IndexingSettings settings,
      ProgressListener progress,
      LongSupplier nanoClock) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.index = Objects.requireNonNull(index, "index");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.nanoClock = nanoClock;
    if (encoder.info().dimensions() != index.metadata().dimensions()) {
      throw new IllegalArgumentException("the encoder makes " + encoder.info().dimensions()
          + "-d vectors but the index holds " + index.metadata().dimensions() + "-d vectors");
    }
  }

  /** Asks a running {@link #run} to stop reading; it still writes and commits what it has read. */
  public void requestStop() {
    stopRequested = true;
  }

  /** Whether the last run ended early because of {@link #requestStop()}. */
  public boolean stopped() {
    return stopRequested;
  }

  /** A group of records that travel through the stages together; {@code vectors} set by the encoder. */
  private record Window(List<InputRecord> records, float[][] vectors) {
    static final Window END = new Window(List.of(), new float[0][]);
  }

  private final class Counters {
    final long start = nanoClock.getAsLong();
    final AtomicLong read = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    long indexed;
    long commits;

    IndexingSummary snapshot() {
      return new IndexingSummary(read.get(), indexed, skipped.get(), failed.get(), commits,
          Duration.ofNanos(nanoClock.getAsLong() - start));
    }
  }

  /**
   * Indexes every record of {@code reader} and commits at the end.
   *
   * @throws IOException if the index cannot be written; documents of earlier commits stay intact
   */
  public IndexingSummary run(RecordReader reader) throws IOException, InterruptedException {
    Counters counters = new Counters();
    BlockingQueue<Window> toEncode = new ArrayBlockingQueue<>(settings.queueDepth());
    BlockingQueue<Window> toWrite = new ArrayBlockingQueue<>(settings.queueDepth());
    ExecutorService stages = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "cxrsearch-indexer-stage");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<?> reading = stages.submit(() -> {
        read(reader, toEncode, counters);
        return null;
      });
      Future<?> encoding = stages.submit(() -> {
        encode(toEncode, toWrite);
        return null;
      });
      write(toWrite, counters, reader, List.of(encoding, reading));
      reading.get();
      encoding.get();
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } finally {
      awaitStages(stages);
    }
    commit(counters);
    IndexingSummary summary = counters.snapshot();
    progress.update(summary, reader.bytesRead(), reader.totalBytes());
    return summary;
  }

  /**
   * Interrupts the stage threads and waits until they have ended, however the run ends: the caller
   * closes the encoder and the reader next, and an encoder call (ONNX Runtime's native session.run)
   * cannot be interrupted, so closing them under a running stage would free native memory in use.
   * The wait is bounded only by the stage's current call; it is logged if it takes long.
   */
  private static void awaitStages(ExecutorService stages) {
    stages.shutdownNow();
    boolean interrupted = false;
    for (int waited = 0; ; waited += STAGE_WAIT_LOG_SECONDS) {
      try {
        if (stages.awaitTermination(STAGE_WAIT_LOG_SECONDS, TimeUnit.SECONDS)) {
          break;
        }
        int seconds = waited + STAGE_WAIT_LOG_SECONDS;
        LOG.log(System.Logger.Level.WARNING, () -> "waited " + seconds + " s for the encoder to finish its current batch"
            + " before closing it; still waiting");
      } catch (InterruptedException e) {
        interrupted = true; // keep waiting: returning now would let the caller close the encoder in use
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt(); // not thrown from here: it would hide the exception that ended the run
    }
  }

  private void read(RecordReader reader, BlockingQueue<Window> out, Counters counters) throws Exception {
    try {
      List<InputRecord> window = new ArrayList<>(settings.windowSize());
      Set<String> written = new HashSet<>(); // ids sent to be written by this run (see the class doc)
      while (!stopRequested && reader.hasNext()) {
        ReadOutcome outcome = reader.next();
        counters.read.incrementAndGet();
        switch (outcome) {
          case ReadOutcome.Rejected r -> {
            errors.write(r.error());
            counters.failed.incrementAndGet();
          }
          case ReadOutcome.Accepted a -> {
            ReportDocument doc = a.record().document();
            if (settings.resume() && !written.contains(doc.id()) && alreadyIndexed(doc)) {
              counters.skipped.incrementAndGet();
            } else {
              if (settings.resume()) {
                written.add(doc.id());
              }
              window.add(a.record());
              if (window.size() == settings.windowSize()) {
                out.put(new Window(window, null));
                window = new ArrayList<>(settings.windowSize());
              }
            }
          }
        }
      }
      if (!window.isEmpty()) {
        out.put(new Window(window, null));
      }
    } finally {
      out.put(Window.END); // the encode stage must end even when reading failed
    }
  }

  private boolean alreadyIndexed(ReportDocument doc) throws IOException {
    return index.contentHash(doc.id()).map(doc.contentHash()::equals).orElse(false);
  }

  private void encode(BlockingQueue<Window> in, BlockingQueue<Window> out) throws Exception {
    try {
      for (Window w = in.take(); w != Window.END; w = in.take()) {
        out.put(new Window(w.records(), embed(w.records())));
      }
    } finally {
      out.put(Window.END);
    }
  }

  private float[][] embed(List<InputRecord> records) {
    return new DocumentEmbedder(encoder, index.metadata().documentInstruction()).embed(records.stream().map(InputRecord::document).toList());
  }

  private void write(BlockingQueue<Window> in, Counters counters, RecordReader reader, List<Future<?>> upstream)
      throws IOException, InterruptedException, ExecutionException {
    long lastCommit = nanoClock.getAsLong();
    long sinceCommit = 0;
    long commitIntervalNanos = settings.commitInterval().toNanos();
    for (Window w = in.take(); w != Window.END; w = in.take()) {
      for (int i = 0; i < w.records().size(); i++) {
        InputRecord record = w.records().get(i);
        try {
          index.upsert(record.document(), w.vectors()[i]);
        } catch (IllegalArgumentException e) {
          // This document only (a zero or NaN vector, a term Lucene refuses); the writer is still usable.
          errors.write(new RecordError(record.file(), record.line(), record.id(), e.getMessage()));
          counters.failed.incrementAndGet();
          continue;
        }
        counters.indexed++;
        sinceCommit++;
        if (sinceCommit >= settings.commitEvery() || nanoClock.getAsLong() - lastCommit >= commitIntervalNanos) {
          commit(counters);
          lastCommit = nanoClock.getAsLong();
          sinceCommit = 0;
        }
      }
      progress.update(counters.snapshot(), reader.bytesRead(), reader.totalBytes());
    }
    for (Future<?> f : upstream) {
      f.get(); // a failed stage ends the stream early: report it rather than commit a partial run as done
    }
  }

  private void commit(Counters counters) throws IOException {
    index.commit();
    counters.commits++;
    LOG.log(System.Logger.Level.DEBUG, () -> "commit: " + counters.snapshot().describe());
  }

  private static IOException rethrow(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof UncheckedIOException u) {
      return u.getCause();
    }
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IOException(cause);
  }
}
