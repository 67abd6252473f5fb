package org.cxrsearch.opensearch.query;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.cxrsearch.opensearch.model.NodeModel;
import org.opensearch.core.action.ActionListener;

/**
 * Encodes query texts with the node's model off the calling thread: query rewriting runs on
 * network threads, which must never wait for ONNX Runtime.
 */
public final class QueryEncoder {

  private final NodeModel model;
  private final Supplier<Executor> executor;

  /** @param executor the pool to encode on (the node's thread pool exists only after the plugin is built) */
  public QueryEncoder(NodeModel model, Supplier<Executor> executor) {
    this.model = model;
    this.executor = executor;
  }

  public NodeModel model() {
    return model;
  }

  /** {@code instruction + separator + text}, pooled over {@code text} (the model's query form). */
  public void encode(String instruction, String text, ActionListener<float[]> listener) {
    executor.get().execute(() -> {
      float[] vector;
      try {
        vector = model.encoder().encodeQuery(instruction, text);
      } catch (RuntimeException e) {
        listener.onFailure(e);
        return;
      }
      listener.onResponse(vector);
    });
  }
}
