package org.cxrsearch.onnx.encode;

import java.util.List;
import org.cxrsearch.onnx.batch.BatchPacker;
import org.cxrsearch.onnx.batch.LengthBatcher;
import org.cxrsearch.onnx.batch.PaddedBatch;
import org.cxrsearch.onnx.bundle.BundleFingerprint;
import org.cxrsearch.onnx.bundle.ModelBundle;
import org.cxrsearch.onnx.encode.StageTimes.Stage;
import org.cxrsearch.onnx.run.Device;
import org.cxrsearch.onnx.run.ModelRunner;
import org.cxrsearch.onnx.run.ModelSignature;
import org.cxrsearch.onnx.run.SessionFactory;
import org.cxrsearch.onnx.tokenize.PooledTokenizer;
import org.cxrsearch.onnx.tokenize.ReportTokenizer;
import org.cxrsearch.onnx.tokenize.TokenizedText;

/**
 * The in-process encoder: tokenize ({@link PooledTokenizer}) → batch by length
 * ({@link LengthBatcher}) → pad ({@link BatchPacker}) → run ({@link ModelRunner}) → pool → back in
 * input order.
 *
 * <p>The model is validated when the encoder opens: its graph signature must meet its family's
 * contract ({@link ModelSignature#require}), and the manifest, when there is one, must agree with
 * the graph. A bundle without a manifest (such as a plain PyTorch export) is described by what the
 * graph shows and the family's defaults.
 *
 * <p>Thread-safe. A vector does not depend on the batch it was computed in beyond float rounding:
 * padding is masked out of attention and pooling.
 */
public final class OnnxEncoder implements TextEncoder {

  private static final System.Logger LOG = System.getLogger(OnnxEncoder.class.getName());

  private final EncoderInfo info;
  private final Device device;
  private final PooledTokenizer tokenizer;
  private final ReportTokenizer rawTokenizer;
  private final LengthBatcher batcher;
  private final BatchPacker packer;
  private final ModelRunner runner;
  private final StageTimes times = new StageTimes();

  OnnxEncoder(EncoderInfo info, Device device, ReportTokenizer rawTokenizer, LengthBatcher batcher,
      BatchPacker packer, ModelRunner runner) {
    this.info = info;
    this.device = device;
    this.rawTokenizer = rawTokenizer;
    this.tokenizer = new PooledTokenizer(rawTokenizer, info.instructionFormat(), info.family().instructionAware());
    this.batcher = batcher;
    this.packer = packer;
    this.runner = runner;
  }

  /** Opens {@code bundle} on the ONNX Runtime library on the class path. */
  public static OnnxEncoder open(ModelBundle bundle, EncoderConfig config) {
    return open(bundle, config, SessionFactory.ofLoadedRuntime());
  }

  public static OnnxEncoder open(ModelBundle bundle, EncoderConfig config, SessionFactory sessions) {
    SessionFactory.OpenedSession opened = sessions.open(bundle.model(), config.runtime());
    try {
      ModelSignature signature = ModelSignature.of(opened.session());
      ModelDescription model = ModelDescription.of(bundle, signature, config);
      // The length cap is part of the model's identity: two caps give different vectors for long reports.
      String fingerprint = BundleFingerprint.of(bundle) + ";max_length=" + model.maxLength();
      EncoderInfo info = new EncoderInfo(bundle.name(), model.family(), model.hidden(), fingerprint, model.format());
      // A batch-dependent graph (activations quantized per tensor) gets one text per call.
      int batchSize = model.batchDependent() ? 1 : config.maxBatchSize();
      LOG.log(System.Logger.Level.INFO, () -> "encoder: model=" + info.name() + " family=" + info.family().id()
          + " dims=" + info.dimensions() + " maxLength=" + model.maxLength() + " device=" + opened.device()
          + " intraOpThreads=" + config.runtime().effectiveIntraOpThreads() + " batch=" + batchSize
          + " tokenBudget=" + config.tokenBudget()
          + (model.batchDependent() ? " (dynamically quantized activations: one text per call, so vectors do not"
              + " depend on their batch)" : "")
          + (bundle.manifest().isEmpty() ? " (no manifest: inferred from the graph)" : ""));
      ModelRunner runner = new ModelRunner(sessions.environment(), opened.session(), signature, model.family(),
          model.output().name(), model.hidden());
      return new OnnxEncoder(info, opened.device(), ReportTokenizer.open(bundle.tokenizer(), model.maxLength()),
          new LengthBatcher(batchSize, config.tokenBudget()), new BatchPacker(model.padId()), runner);
    } catch (RuntimeException e) {
      try {
        opened.session().close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public EncoderInfo info() {
    return info;
  }

  /** The device the model actually runs on (after any fallback). */
  public Device device() {
    return device;
  }

  /** The most tokens a text is given to the model (longer texts are truncated to it). */
  public int maxLength() {
    return rawTokenizer.maxLength();
  }

  /** Cumulative time per pipeline stage since the encoder opened. */
  public StageTimes.Snapshot stageTimes() {
    return times.snapshot();
  }

  /** Tokenization alone, as {@link #encodeText} would feed the model. */
  public List<TokenizedText> tokenizeText(List<String> texts) {
    return tokenizer.forText(texts);
  }

  /** Tokenization alone, as {@link #encodeWithInstruction} would feed the model. */
  public List<TokenizedText> tokenizeWithInstruction(List<String> texts) {
    return tokenizer.forInstruction(texts);
  }

  @Override
  public float[][] encodeText(List<String> texts) {
    return encodeTokenized(timed(Stage.TOKENIZE, () -> tokenizer.forText(texts)));
  }

  @Override
  public float[][] encodeWithInstruction(List<String> texts) {
    return encodeTokenized(timed(Stage.TOKENIZE, () -> tokenizer.forInstruction(texts)));
  }

  private <T> T timed(Stage stage, java.util.function.Supplier<T> work) {
    long t = System.nanoTime();
    T result = work.get();
    times.add(stage, t);
    return result;
  }

  /** Runs already tokenized rows; results in the order of {@code rows}. */
  public float[][] encodeTokenized(List<TokenizedText> rows) {
    float[][] out = new float[rows.size()][];
    int[] lengths = rows.stream().mapToInt(TokenizedText::length).toArray();
    for (int[] positions : batcher.plan(lengths)) {
      long t = System.nanoTime();
      PaddedBatch batch = packer.pack(rows, positions);
      times.add(Stage.PACK, t);
      t = System.nanoTime();
      try (ModelRunner.Output output = runner.run(batch)) {
        times.add(Stage.RUN, t);
        t = System.nanoTime();
        float[][] vectors = output.pooled();
        for (int r = 0; r < positions.length; r++) {
          out[positions[r]] = vectors[r];
        }
        times.add(Stage.UNPACK, t);
      }
      long real = 0;
      for (int p : positions) {
        real += lengths[p];
      }
      times.countBatch(batch.rows(), real, (long) batch.rows() * batch.width());
    }
    return out;
  }

  /**
   * Closes the ONNX Runtime session and the tokenizer, both of them even when the first fails (each
   * holds native memory); the first failure is thrown with any later one attached as suppressed.
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable part : new AutoCloseable[] {runner, rawTokenizer}) {
      try {
        part.close();
      } catch (Exception e) {
        RuntimeException unchecked = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        if (failure == null) {
          failure = unchecked;
        } else {
          failure.addSuppressed(unchecked);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
