package org.cxrsearch.opensearch.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.DefaultModel;
import org.cxrsearch.onnx.bundle.ModelBundle;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.common.settings.Settings;

/**
 * The one encoder of a node, named by the node setting {@link #MODEL} ({@code default}: the embedded
 * all-MiniLM-L6-v2; or a bundle directory), opened on first use and shared by the ingest processor,
 * the mappers and the queries until the node closes. Opening is lazy so that nodes that never embed
 * (a dedicated cluster manager) never load ONNX Runtime. Thread-safe.
 *
 * <p>Only ready bundles are accepted: a node neither downloads nor converts models (both are long
 * and belong to {@code cxrsearch convert}, run once before the node starts).
 */
public final class NodeModel implements AutoCloseable {

  /** The setting's value for the embedded default model (as {@code --model default} on the command line). */
  public static final String DEFAULT = "default";

  /** {@code cxrsearch.model}: {@code default} or the path of a bundle directory (model.onnx + tokenizer.json). */
  public static final Setting<String> MODEL = Setting.simpleString("cxrsearch.model", DEFAULT, Property.NodeScope);

  private final String spec;
  private final Supplier<Path> cacheDir;
  private volatile OnnxEncoder encoder;
  private boolean closed;

  /**
   * @param settings the node settings ({@link #MODEL})
   * @param cacheDir where the embedded default model is extracted (the node's temporary directory,
   *     known once the node's environment is)
   */
  public NodeModel(Settings settings, Supplier<Path> cacheDir) {
    this.spec = MODEL.get(settings);
    this.cacheDir = cacheDir;
  }

  public static List<Setting<?>> settings() {
    return List.of(MODEL);
  }

  /** The configured model as written in the settings. */
  public String spec() {
    return spec;
  }

  /** The node's encoder, opened on the first call. */
  public TextEncoder encoder() {
    OnnxEncoder e = encoder;
    if (e == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the node is closing: its model [" + spec + "] is closed");
        }
        if (encoder == null) {
          encoder = OnnxEncoder.open(bundle(), EncoderConfig.defaults());
        }
        e = encoder;
      }
    }
    return e;
  }

  /** Name, dimensions and fingerprint of the node's model (opens it if needed). */
  public EncoderInfo info() {
    return encoder().info();
  }

  /**
   * Whether {@code model} (as written in a mapping) names this node's model: its fingerprint, its
   * name, or {@code default} when the node runs the default model.
   */
  public boolean names(String model) {
    EncoderInfo info = info();
    return model.equals(info.fingerprint()) || model.equals(info.name())
        || (model.equals(DEFAULT) && isDefault());
  }

  private boolean isDefault() {
    return spec.isBlank() || spec.equals(DEFAULT);
  }

  private ModelBundle bundle() {
    BundleLoader loader = new BundleLoader();
    if (isDefault()) {
      return loader.load(DefaultModel.extract(cacheDir.get().resolve("cxrsearch")));
    }
    Path dir = Path.of(spec);
    if (!Files.isRegularFile(dir.resolve(ModelBundle.MODEL_FILE))) {
      throw new IllegalArgumentException("node setting [" + MODEL.getKey() + "] = [" + spec + "]: not a model bundle directory"
          + " (no " + ModelBundle.MODEL_FILE + "); convert a checkpoint first with `cxrsearch convert`, or use [default]");
    }
    return loader.load(dir);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (encoder != null) {
      encoder.close();
      encoder = null;
    }
  }
}
