package org.cxrsearch.server.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>A request may name only a model the operator allowed ({@link #forRequest}): opening a model can
 * read any directory or download from the hub, which a client must never trigger. Indexes already on
 * disk open the model they record ({@link #get}): the operator created them.
 */
public final class Models implements AutoCloseable {

  private final String defaultModel;
  private final Set<String> allowed;
  private final Function<String, TextEncoder> opener;
  private final Map<String, TextEncoder> open = new ConcurrentHashMap<>();

  /**
   * @param defaultModel the spec new indexes and the embeddings API use when none is named
   * @param opener opens a spec (tests may pass a fake)
   */
  public Models(String defaultModel, Function<String, TextEncoder> opener) {
    this(defaultModel, List.of(), opener);
  }

  /**
   * @param defaultModel the spec new indexes and the embeddings API use when none is named
   * @param alsoAllowed further specs a create-index request may name
   * @param opener opens a spec (tests may pass a fake)
   */
  public Models(String defaultModel, List<String> alsoAllowed, Function<String, TextEncoder> opener) {
    this.defaultModel = defaultModel;
    Set<String> specs = new LinkedHashSet<>();
    specs.add(defaultModel);
    specs.addAll(alsoAllowed);
    this.allowed = Set.copyOf(specs);
    this.opener = opener;
  }

  /** Models resolved like the CLI's {@code --model}: a bundle or checkpoint directory, a hub id or {@code default}. */
  public static Models resolving(String defaultModel, EncoderConfig config) {
    return resolving(defaultModel, List.of(), config);
  }

  /** As {@link #resolving(String, EncoderConfig)}, letting requests also name {@code alsoAllowed}. */
  public static Models resolving(String defaultModel, List<String> alsoAllowed, EncoderConfig config) {
    ModelResolver resolver = new ModelResolver(HubSettings.fromEnvironment(), new BundleLoader());
    return new Models(defaultModel, alsoAllowed, spec -> OnnxEncoder.open(resolver.resolve(spec), config));
  }

  /**
   * The encoder of a spec a request named ({@code null}: the default model).
   *
   * @throws IllegalArgumentException if the operator did not allow that spec; the message lists what is allowed
   */
  public TextEncoder forRequest(String spec) {
    String key = spec == null || spec.isBlank() ? defaultModel : spec;
    if (!allowed.contains(key)) {
      throw new IllegalArgumentException("model [" + key + "] is not served here; allowed: " + allowed.stream().sorted().toList()
          + " (the operator adds models with cxrsearch serve --allow-model)");
    }
    return get(key);
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
