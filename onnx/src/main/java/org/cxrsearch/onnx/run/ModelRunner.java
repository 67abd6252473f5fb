package org.cxrsearch.onnx.run;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import org.cxrsearch.onnx.batch.PaddedBatch;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.pool.MeanPooler;
import org.cxrsearch.onnx.pool.Pooling;

/**
 * Runs one {@link PaddedBatch} through the session; its {@link Output} gives one pooled vector per
 * row, in batch row order. Feeds only the inputs the graph declares (a BERT export may or may not take
 * {@code token_type_ids}). Thread-safe, as {@link OrtSession#run} is.
 */
public final class ModelRunner implements AutoCloseable {

  private final OrtEnvironment env;
  private final OrtSession session;
  private final ModelSignature signature;
  private final ModelFamily family;
  private final String outputName;
  private final int hidden;

  public ModelRunner(OrtEnvironment env, OrtSession session, ModelSignature signature, ModelFamily family,
      String outputName, int hidden) {
    this.env = env;
    this.session = session;
    this.signature = signature;
    this.family = family;
    this.outputName = outputName;
    this.hidden = hidden;
  }

  /**
   * Runs the graph on {@code batch}. The caller pools with {@link Output#pooled()} and closes the
   * output, which frees ONNX Runtime's result buffers.
   */
  public Output run(PaddedBatch batch) {
    Map<String, OnnxTensor> feeds = new HashMap<>();
    try {
      long[] shape = batch.shape();
      feeds.put(ModelSignature.INPUT_IDS, tensor(batch.inputIds(), shape));
      feeds.put(ModelSignature.ATTENTION_MASK, tensor(batch.attentionMask(), shape));
      if (signature.input(ModelSignature.EMBED_MASK).isPresent()) {
        feeds.put(ModelSignature.EMBED_MASK, tensor(batch.embedMask(), shape));
      }
      if (signature.input(ModelSignature.TOKEN_TYPE_IDS).isPresent()) {
        feeds.put(ModelSignature.TOKEN_TYPE_IDS, tensor(new long[batch.inputIds().length], shape));
      }
      return new Output(session.run(feeds, java.util.Set.of(outputName)), batch);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch of " + batch.rows() + " x " + batch.width()
          + " tokens: " + e.getMessage(), e);
    } finally {
      feeds.values().forEach(OnnxTensor::close);
    }
  }

  /** The graph's output for one batch. */
  public final class Output implements AutoCloseable {
    private final OrtSession.Result result;
    private final PaddedBatch batch;

    private Output(OrtSession.Result result, PaddedBatch batch) {
      this.result = result;
      this.batch = batch;
    }

    /** One vector per batch row: read as is ({@link Pooling#IN_GRAPH}) or mean-pooled here. */
    public float[][] pooled() {
      FloatBuffer values = ((OnnxTensor) result.get(0)).getFloatBuffer();
      return family.pooling() == Pooling.IN_GRAPH
          ? rows(values, batch.rows())
          : MeanPooler.pool(values, batch.embedMask(), batch.rows(), batch.width(), hidden);
    }

    @Override
    public void close() {
      result.close();
    }
  }

  private float[][] rows(FloatBuffer values, int rows) {
    if (values.remaining() != rows * hidden) {
      throw new IllegalStateException("the model returned " + values.remaining() + " floats for " + rows
          + " rows of " + hidden);
    }
    float[][] out = new float[rows][hidden];
    for (int r = 0; r < rows; r++) {
      values.get(out[r]);
    }
    return out;
  }

  private OnnxTensor tensor(long[] data, long[] shape) throws OrtException {
    return OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape);
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
