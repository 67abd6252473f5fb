package org.cxrsearch.server.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.ModelResolver;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.onnx.hub.HubSettings;

/**
 * The encoders a server has open, one per model spec, shared by every index and endpoint using that
 * model (an encoder is thread-safe and costly to open). Opened on first use, closed with the server.
 */
public final class Models implements AutoCloseable {

  private final String defaultModel;
  private final Function<String, TextEncoder> opener;
  private final Map<String, TextEncoder> open = new ConcurrentHashMap<>();

  /**
   * @param defaultModel the spec new indexes and the embeddings API use when none is named
   * @param opener opens a spec (tests may pass a fake)
   */
  public Models(String defaultModel, Function<String, TextEncoder> opener) {
    this.defaultModel = defaultModel;
    this.opener = opener;
  }

  /** Models resolved like the CLI's {@code --model}: a bundle or checkpoint directory, a hub id or {@code default}. */
  public static Models resolving(String defaultModel, EncoderConfig config) {
    ModelResolver resolver = new ModelResolver(HubSettings.fromEnvironment(), new BundleLoader());
    return new Models(defaultModel, spec -> OnnxEncoder.open(resolver.resolve(spec), config));
  }

  public String defaultModel() {
    return defaultModel;
  }

  /** The encoder of {@code spec} ({@code null}: the default model), opened on first use. */
  public TextEncoder get(String spec) {
    String key = spec == null || spec.isBlank() ? defaultModel : spec;
    return open.computeIfAbsent(key, opener);
  }

  @Override
  public void close() {
    open.values().forEach(TextEncoder::close);
    open.clear();
  }
}
