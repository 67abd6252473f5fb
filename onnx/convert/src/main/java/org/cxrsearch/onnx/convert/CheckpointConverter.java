package org.cxrsearch.onnx.convert;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import org.cxrsearch.onnx.bundle.BundleManifest;
import org.cxrsearch.onnx.bundle.Digests;
import org.cxrsearch.onnx.bundle.ModelBundle;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.convert.bundle.AtomicBundleWriter;
import org.cxrsearch.onnx.convert.checkpoint.CheckpointLayout;
import org.cxrsearch.onnx.convert.checkpoint.CheckpointValidator;
import org.cxrsearch.onnx.convert.checkpoint.LlamaConfig;
import org.cxrsearch.onnx.convert.checkpoint.TokenizerCheck;
import org.cxrsearch.onnx.convert.graph.EncoderGraph;
import org.cxrsearch.onnx.convert.graph.ExternalDataFile;
import org.cxrsearch.onnx.convert.graph.GraphBuilder;
import org.cxrsearch.onnx.convert.safetensors.Checkpoint;
import org.cxrsearch.onnx.convert.safetensors.SafetensorsException;

/**
 * Converts a Hugging Face LLM2Vec4CXR checkpoint ({@code config.json}, safetensors, {@code
 * tokenizer.json}) into a cxrsearch model bundle: {@code model.onnx} with its weights in {@code
 * model.onnx.data} (ONNX external data), {@code tokenizer.json} and {@code manifest.json} with the
 * SHA-256 of every file. Stages: read config → open and validate the safetensors (names, shapes,
 * dtypes, truncation) → check the tokenizer against the embedding table → build the graph
 * ({@link EncoderGraph}) while streaming weights → write files → atomic rename ({@link
 * AtomicBundleWriter}). Every check runs before the first byte is written.
 */
public final class CheckpointConverter {

  /** The weight file beside model.onnx. */
  public static final String DATA_FILE = ModelBundle.MODEL_FILE + ".data";
  /** Maximum tokens per text, BOS included (MODEL.md §4). */
  public static final int MAX_LENGTH = 512;
  /** The instruction separator of LLM2Vec4CXR (MODEL.md §4). */
  public static final String SEPARATOR = "!@#$%^&*()";
  /** Pad id: {@code <|eot_id|>} (MODEL.md §4). */
  public static final long PAD_ID = 128009;

  private final ObjectMapper json;

  public CheckpointConverter() {
    this(new ObjectMapper());
  }

  public CheckpointConverter(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Converts {@code hfDir} into {@code bundleDir}, which must not exist yet.
   *
   * @throws ConversionException when the checkpoint is invalid or the bundle cannot be written; no
   *     partial bundle is left at {@code bundleDir}
   */
  public ConversionResult convert(Path hfDir, Path bundleDir, ConvertOptions options, ProgressListener progress) {
    Objects.requireNonNull(hfDir, "hfDir");
    Objects.requireNonNull(bundleDir, "bundleDir");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    long start = System.nanoTime();
    LlamaConfig config = LlamaConfig.read(hfDir, json);
    options.requireLatentHeadsDivide(config.hiddenSize());
    try (Checkpoint checkpoint = openCheckpoint(hfDir)) {
      CheckpointLayout layout = new CheckpointValidator().validate(config, checkpoint);
      new TokenizerCheck().check(hfDir, config.vocabSize(), PAD_ID, json);
      try (AtomicBundleWriter bundle = AtomicBundleWriter.create(bundleDir)) {
        writeModel(layout, checkpoint, options, bundle.directory(), progress);
        Files.copy(hfDir.resolve(TokenizerCheck.FILE_NAME), bundle.directory().resolve(ModelBundle.TOKENIZER_FILE),
            StandardCopyOption.COPY_ATTRIBUTES);
        progress.begin("checksums", -1);
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, ModelFamily.LLM2VEC4CXR.id(),
            options.name().isBlank() ? hfDir.toAbsolutePath().normalize().getFileName().toString() : options.name(),
            config.hiddenSize(), MAX_LENGTH, SEPARATOR, PAD_ID, options.precision().id(),
            Digests.sha256OfBundleFiles(bundle.directory()));
        json.copy().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(bundle.directory().resolve(BundleManifest.FILE_NAME).toFile(), manifest);
        progress.end();
        Path done = bundle.commit();
        return new ConversionResult(done, manifest, checkpoint.parameters(), (System.nanoTime() - start) / 1_000_000);
      }
    } catch (SafetensorsException e) {
      throw new ConversionException(e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new ConversionException("cannot write bundle " + bundleDir + ": " + e.getMessage(), e);
    }
  }

  private Checkpoint openCheckpoint(Path hfDir) {
    try {
      return Checkpoint.open(hfDir, json);
    } catch (SafetensorsException e) {
      throw new ConversionException(e.getMessage(), e);
    }
  }

  private static void writeModel(CheckpointLayout layout, Checkpoint checkpoint, ConvertOptions options, Path dir,
      ProgressListener progress) throws IOException {
    progress.begin("converting weights (" + options.precision().id() + ", " + options.style().name().toLowerCase(
        java.util.Locale.ROOT) + ")", checkpoint.parameters());
    ModelProto model;
    try (ExternalDataFile data = new ExternalDataFile(dir.resolve(DATA_FILE), bytes -> {})) {
      GraphBuilder g = new GraphBuilder("llm2vec4cxr", data);
      model = new EncoderGraph(layout, checkpoint, options, g, progress::advance).build(Map.of(
          "cxrsearch.precision", options.precision().id(),
          "cxrsearch.style", options.style().name(),
          "cxrsearch.latent_heads", Integer.toString(options.latentHeads())));
    }
    progress.end();
    try (OutputStream out = Files.newOutputStream(dir.resolve(ModelBundle.MODEL_FILE))) {
      model.writeTo(out);
    }
  }
}
