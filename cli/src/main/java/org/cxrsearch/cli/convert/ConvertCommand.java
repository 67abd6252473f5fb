package org.cxrsearch.cli.convert;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cxrsearch.onnx.convert.CheckpointConverter;
import org.cxrsearch.onnx.convert.bundle.AtomicBundleWriter;
import org.cxrsearch.onnx.convert.ConversionException;
import org.cxrsearch.onnx.convert.ConversionResult;
import org.cxrsearch.onnx.convert.ConvertOptions;
import org.cxrsearch.onnx.convert.GraphStyle;
import org.cxrsearch.onnx.convert.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cxrsearch convert}: a Hugging Face LLM2Vec4CXR checkpoint to a model bundle. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Converts a Hugging Face LLM2Vec4CXR checkpoint (config.json, safetensors, tokenizer.json) into a "
          + "cxrsearch model bundle (model.onnx + model.onnx.data, tokenizer.json, manifest.json).",
      "The bundle directory appears only when complete."
    })
public final class ConvertCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "HF_DIR", description = "Checkpoint directory.")
  Path from;

  @Option(names = "--to", required = true, paramLabel = "BUNDLE_DIR", description = "Bundle directory to create.")
  Path to;

  @Option(names = "--precision", defaultValue = "fp32", paramLabel = "P",
      description = "fp32, fp16 (GPU), int8 (int8 weights + dynamic int8 activations, CPU), int8-block or int4 "
          + "(block-quantized weights, MatMulNBits, CPU). Default: ${DEFAULT-VALUE}.")
  String precision;

  @Option(names = "--style", defaultValue = "fused", paramLabel = "S",
      description = "fused (ONNX Runtime contrib operators) or plain (standard ONNX). Default: ${DEFAULT-VALUE}.")
  GraphStyle style;

  @Option(names = "--latent-heads", defaultValue = "8", description = "Latent-attention heads. Default: ${DEFAULT-VALUE}.")
  int latentHeads;

  @Option(names = "--block-size", defaultValue = "32",
      description = "Quantization block length for int8-block/int4. Default: ${DEFAULT-VALUE}.")
  int blockSize;

  @Option(names = "--accuracy-level", defaultValue = "4",
      description = "MatMulNBits accuracy level for int8-block/int4: 4 = int8 activations (fast), 0 = float. "
          + "Default: ${DEFAULT-VALUE}.")
  int accuracyLevel;

  @Option(names = "--name", defaultValue = "", description = "Model name for the manifest (default: HF_DIR's name).")
  String name;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    ConvertOptions options;
    try {
      options = new ConvertOptions(Precision.fromId(precision), style, latentHeads, blockSize, accuracyLevel, name);
    } catch (IllegalArgumentException e) {
      err.println("convert: " + e.getMessage());
      return 2;
    }
    out.printf("convert: %s -> %s (precision %s, style %s, latent heads %d, block %d, accuracy level %d)%n",
        from, to, options.precision().id(), options.style().name().toLowerCase(java.util.Locale.ROOT),
        options.latentHeads(), options.quantBlockSize(), options.accuracyLevel());
    out.flush();
    // Ctrl-C ends the JVM without unwinding the converter: remove its staging directory on the way out.
    Thread cleanup = new Thread(() -> AtomicBundleWriter.deletePartials(to), "cxrsearch-convert-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      ConversionResult r = new CheckpointConverter().convert(from, to, options, ConsoleProgress.parameters());
      out.printf("convert: wrote %s (%,d parameters, %s, %.1f s)%n", r.bundleDir(), r.parameters(),
          r.manifest().files().keySet(), r.millis() / 1000.0);
      return 0;
    } catch (ConversionException e) {
      err.println("convert: " + e.getMessage());
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook runs
      }
    }
  }
}
