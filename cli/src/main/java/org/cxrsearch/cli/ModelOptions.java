package org.cxrsearch.cli;

import java.nio.file.Path;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.ModelBundle;
import org.cxrsearch.cli.convert.ConsoleProgress;
import org.cxrsearch.onnx.bundle.ModelResolver;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.hub.HubSettings;
import org.cxrsearch.onnx.run.Device;
import org.cxrsearch.onnx.run.RuntimeOptions;
import org.cxrsearch.searcher.common.IndexModel;
import picocli.CommandLine.Option;

/** The options every command that runs a model shares (a picocli mixin). */
public final class ModelOptions {

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Model: a bundle directory (model.onnx + tokenizer.json); a Hugging Face checkpoint directory"
          + " (config.json + *.safetensors, converted on first use); a Hugging Face repository id such as"
          + " lukeingawesome/llm2vec4cxr[@revision] (downloaded, converted and cached; HF_TOKEN, HF_ENDPOINT and"
          + " HF_HUB_OFFLINE are honoured); or 'default' for the embedded all-MiniLM-L6-v2."
          + " Default: ${DEFAULT-VALUE}.", defaultValue = ModelResolver.DEFAULT)
  String model;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Where downloaded and converted models are kept. Default: $CXRSEARCH_CACHE, else ~/.cache/cxrsearch.")
  Path cacheDir;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
      description = "cpu, auto (CUDA when present, else CPU with a warning), cuda or cuda:N. Default: ${DEFAULT-VALUE}.")
  String device;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "ONNX Runtime intra-op threads; 0 = one per core. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + EncoderConfig.DEFAULT_MAX_BATCH_SIZE,
      description = "Most texts per model call. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(names = "--token-budget", paramLabel = "N", defaultValue = "" + EncoderConfig.DEFAULT_TOKEN_BUDGET,
      description = "Most padded tokens (rows x longest row) per model call. Default: ${DEFAULT-VALUE}.")
  int tokenBudget;

  /** The model spec as given. */
  public String model() {
    return model;
  }

  /** Overrides the model spec (a command may default it from an index). */
  public void model(String spec) {
    this.model = spec;
  }

  public EncoderConfig config() {
    RuntimeOptions runtime = RuntimeOptions.defaults().withDevice(Device.parse(device)).withIntraOpThreads(threads);
    return EncoderConfig.defaults().withRuntime(runtime).withBatching(batchSize, tokenBudget);
  }

  public ModelBundle bundle() {
    HubSettings settings = HubSettings.fromEnvironment();
    if (cacheDir != null) {
      settings = settings.withCacheDir(cacheDir);
    }
    return new ModelResolver(settings, new BundleLoader(), ConsoleProgress.bytes(), ConsoleProgress.parameters()).resolve(model);
  }

  public OnnxEncoder open() {
    return OnnxEncoder.open(bundle(), config());
  }

  /**
   * The encoder for queries against an index: its recorded model unless {@code --model} was given
   * ({@code modelGiven}), which must then be the same model ({@link IndexModel}).
   */
  public OnnxEncoder openFor(IndexMetadata metadata, boolean modelGiven) {
    return IndexModel.open(spec -> {
      model(spec);
      return open();
    }, modelGiven ? model : null, metadata);
  }
}
