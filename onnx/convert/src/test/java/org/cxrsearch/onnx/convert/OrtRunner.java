package org.cxrsearch.onnx.convert;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Map;

/** Runs a converted bundle's model.onnx directly on ids and masks (no tokenizer), for tests. */
final class OrtRunner implements AutoCloseable {

  private final OrtEnvironment env = org.cxrsearch.onnx.run.OrtTelemetry.environment();
  private final OrtSession session;

  OrtRunner(Path bundle) throws OrtException {
    try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
      opts.setIntraOpNumThreads(1);
      opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = env.createSession(bundle.resolve("model.onnx").toString(), opts);
    }
  }

  float[][] embed(long[][] inputIds, long[][] attentionMask, long[][] embedMask) throws OrtException {
    try (OnnxTensor ids = OnnxTensor.createTensor(env, inputIds);
        OnnxTensor am = OnnxTensor.createTensor(env, attentionMask);
        OnnxTensor em = OnnxTensor.createTensor(env, embedMask);
        OrtSession.Result r = session.run(Map.of("input_ids", ids, "attention_mask", am, "embed_mask", em))) {
      return (float[][]) r.get("embedding").orElseThrow().getValue();
    }
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
