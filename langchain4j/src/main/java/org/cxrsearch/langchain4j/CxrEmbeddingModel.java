package org.cxrsearch.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.ModelBundle;
import org.cxrsearch.onnx.bundle.ModelLoadException;
import org.cxrsearch.onnx.bundle.ModelResolver;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.InstructionFormat;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.onnx.run.Device;
import org.cxrsearch.onnx.run.RuntimeOptions;
import org.cxrsearch.onnx.tokenize.TokenizedText;

/**
 * A LangChain4j {@link EmbeddingModel} over a cxrsearch {@link TextEncoder}: a translation, no
 * encoding logic of its own.
 *
 * <p>LLM2Vec4CXR encodes documents and queries differently (MODEL.md §4), so every instance has a
 * {@link Mode}:
 *
 * <ul>
 *   <li>{@link Mode#DOCUMENT}: each segment is encoded as {@link TextEncoder#encodeDocuments}
 *       does, {@code separator + text}, pooled over the text; use it to fill an embedding store.
 *   <li>{@link Mode#QUERY}: each segment is encoded as {@link TextEncoder#encodeQuery} does with
 *       the configured instruction, {@code instruction + separator + text}, pooled over the text;
 *       use it for the search side. With an empty instruction a query is encoded exactly like a
 *       document.
 * </ul>
 *
 * A model that is not instruction-aware (the embedded all-MiniLM-L6-v2 default) ignores both the
 * separator and the instruction, so both modes give the plain text embedding.
 *
 * <p>{@link #embedAll} hands all segments to the encoder in one call; the encoder batches them by
 * length within the configured batch size and token budget. With {@link OnnxEncoder} the response
 * carries the number of tokens the model read as {@link TokenUsage#inputTokenCount()}.
 *
 * <p><b>Who owns the encoder.</b> A model built from {@link Builder#model(String)} opens its own
 * encoder and releases it in {@link #close()}. A model built from {@link Builder#encoder} uses the
 * caller's encoder and never closes it: the caller closes it after every model built on it, which
 * is how one encoder (one ONNX Runtime session) serves a document model and a query model at once.
 *
 * <p>Thread-safe: the encoder is, and the model holds no mutable state.
 */
public final class CxrEmbeddingModel implements EmbeddingModel, AutoCloseable {

  /** How a segment becomes the model's input. */
  public enum Mode {
    /** {@code separator + text}: {@link TextEncoder#encodeDocuments}. */
    DOCUMENT,
    /** {@code instruction + separator + text}: {@link TextEncoder#encodeQuery}. */
    QUERY
  }

  private final TextEncoder encoder;
  private final boolean ownsEncoder;
  private final Mode mode;
  private final String instruction;
  private final boolean normalize;

  private CxrEmbeddingModel(TextEncoder encoder, boolean ownsEncoder, Mode mode, String instruction,
      boolean normalize) {
    this.encoder = encoder;
    this.ownsEncoder = ownsEncoder;
    this.mode = mode;
    this.instruction = instruction;
    this.normalize = normalize;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    Objects.requireNonNull(segments, "segments");
    if (segments.isEmpty()) {
      return Response.from(List.of());
    }
    InstructionFormat format = encoder.info().instructionFormat();
    String prefix = mode == Mode.QUERY ? instruction : "";
    List<String> inputs = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      TextSegment segment = segments.get(i);
      if (segment == null) {
        throw new IllegalArgumentException("segments[" + i + "]: null");
      }
      inputs.add(format.apply(prefix, segment.text()));
    }
    float[][] vectors;
    TokenUsage usage = null;
    if (encoder instanceof OnnxEncoder onnx) {
      // What encodeWithInstruction does, split in two so the tokens can be counted without
      // tokenizing twice (the encoder's stage times then leave out this tokenization).
      List<TokenizedText> rows = onnx.tokenizeWithInstruction(inputs);
      vectors = onnx.encodeTokenized(rows);
      usage = new TokenUsage(rows.stream().mapToInt(TokenizedText::length).sum());
    } else {
      vectors = encoder.encodeWithInstruction(inputs);
    }
    List<Embedding> embeddings = new ArrayList<>(vectors.length);
    for (float[] v : vectors) {
      embeddings.add(Embedding.from(normalize ? Vectors.l2Normalized(v) : v));
    }
    return Response.from(embeddings, usage);
  }

  /** The model's vector length, read from the model: nothing is encoded. */
  @Override
  public int dimension() {
    return encoder.info().dimensions();
  }

  /** The model's name: a bundle directory name or a hub id pinned to its commit. */
  @Override
  public String modelName() {
    return encoder.info().name();
  }

  public Mode mode() {
    return mode;
  }

  /** The query instruction ({@code ""} when none); used in {@link Mode#QUERY} only. */
  public String instruction() {
    return instruction;
  }

  /** The encoder this model translates to; for example to record its fingerprint. */
  public TextEncoder encoder() {
    return encoder;
  }

  /** Closes the encoder if this model opened it ({@link Builder#model}); otherwise does nothing. */
  @Override
  public void close() {
    if (ownsEncoder) {
      encoder.close();
    }
  }

  /**
   * Settings of a {@link CxrEmbeddingModel}. Give either {@link #model} (the model opens and owns
   * its encoder, configured by {@link #device}, {@link #maxBatchSize}, {@link #tokenBudget},
   * {@link #cacheDir}) or {@link #encoder} (an open encoder the caller keeps owning).
   */
  public static final class Builder {

    private String model;
    private boolean modelIsLocal;
    private TextEncoder encoder;
    private Path cacheDir;
    private String device;
    private Integer maxBatchSize;
    private Integer tokenBudget;
    private Mode mode = Mode.DOCUMENT;
    private String instruction = "";
    private boolean normalize = true;

    private Builder() {}

    /**
     * What to run, as {@code --model} takes it ({@link ModelResolver}): a bundle directory
     * ({@code model.onnx} + {@code tokenizer.json}), a Hugging Face checkpoint directory (converted
     * on first use into the cache), a repository id {@code owner/name[@revision]} (downloaded:
     * the only case that uses the network), or {@code "default"} (the embedded all-MiniLM-L6-v2).
     */
    public Builder model(String model) {
      this.model = model;
      this.modelIsLocal = false;
      return this;
    }

    /**
     * A local bundle or checkpoint directory; see {@link #model(String)}. A missing directory is
     * an error, never taken for a repository id.
     */
    public Builder model(Path directory) {
      this.model = Objects.requireNonNull(directory, "model").toString();
      this.modelIsLocal = true;
      return this;
    }

    /** An open encoder to use instead of {@link #model}; the caller keeps owning it. */
    public Builder encoder(TextEncoder encoder) {
      this.encoder = encoder;
      return this;
    }

    /** Where downloads and converted checkpoints are cached; default: the environment's cache. */
    public Builder cacheDir(Path cacheDir) {
      this.cacheDir = cacheDir;
      return this;
    }

    /** {@code cpu} (default), {@code cuda}, {@code cuda:N} or {@code auto} (CUDA when present). */
    public Builder device(String device) {
      this.device = device;
      return this;
    }

    /** Most texts in one model call (default {@value EncoderConfig#DEFAULT_MAX_BATCH_SIZE}). */
    public Builder maxBatchSize(int maxBatchSize) {
      this.maxBatchSize = maxBatchSize;
      return this;
    }

    /**
     * Most padded tokens in one model call (default {@value EncoderConfig#DEFAULT_TOKEN_BUDGET}),
     * which bounds a batch's memory whatever the text lengths.
     */
    public Builder tokenBudget(int tokenBudget) {
      this.tokenBudget = tokenBudget;
      return this;
    }

    /** {@link Mode#DOCUMENT} (default) or {@link Mode#QUERY}. */
    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    /**
     * The instruction put before the separator in {@link Mode#QUERY}, for example {@code
     * "Determine the change or the status of the pleural effusion.; "}; default none.
     */
    public Builder instruction(String instruction) {
      this.instruction = instruction;
      return this;
    }

    /** L2-normalise every vector (default true); false returns the model's raw vectors. */
    public Builder normalize(boolean normalize) {
      this.normalize = normalize;
      return this;
    }

    /**
     * Opens the model (for {@link #model}) and returns the embedding model.
     *
     * @throws IllegalArgumentException a parameter is missing or invalid; the message names it
     * @throws ModelLoadException the model cannot be resolved or opened; the message names the model
     */
    public CxrEmbeddingModel build() {
      if (mode == null) {
        throw new IllegalArgumentException("mode: must not be null (DOCUMENT or QUERY)");
      }
      if (instruction == null) {
        throw new IllegalArgumentException("instruction: must not be null (use \"\" for none)");
      }
      if (encoder != null) {
        if (model != null || cacheDir != null || device != null || maxBatchSize != null || tokenBudget != null) {
          throw new IllegalArgumentException("encoder: an open encoder is already configured; model, cacheDir,"
              + " device, maxBatchSize and tokenBudget apply only when the model opens its own encoder");
        }
        return new CxrEmbeddingModel(encoder, false, mode, instruction, normalize);
      }
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("model: required (a bundle or checkpoint directory, a Hugging Face"
            + " repository id owner/name[@revision], or \"" + ModelResolver.DEFAULT + "\"), or give an open encoder");
      }
      if (modelIsLocal && !Files.isDirectory(Path.of(model))) {
        throw new IllegalArgumentException("model: no such directory: " + Path.of(model).toAbsolutePath());
      }
      EncoderConfig config = encoderConfig();
      try {
        ModelBundle bundle = resolver().resolve(model);
        return new CxrEmbeddingModel(OnnxEncoder.open(bundle, config), true, mode, instruction, normalize);
      } catch (ModelLoadException e) {
        throw new ModelLoadException("model \"" + model + "\": " + e.getMessage(), e);
      }
    }

    private EncoderConfig encoderConfig() {
      EncoderConfig defaults = EncoderConfig.defaults();
      RuntimeOptions runtime = defaults.runtime();
      if (device != null) {
        try {
          runtime = runtime.withDevice(Device.parse(device));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("device: " + e.getMessage(), e);
        }
      }
      int batch = maxBatchSize != null ? maxBatchSize : defaults.maxBatchSize();
      int budget = tokenBudget != null ? tokenBudget : defaults.tokenBudget();
      if (batch < 1) {
        throw new IllegalArgumentException("maxBatchSize: must be at least 1, got " + batch);
      }
      if (budget < 1) {
        throw new IllegalArgumentException("tokenBudget: must be at least 1, got " + budget);
      }
      return defaults.withRuntime(runtime).withBatching(batch, budget);
    }

    private ModelResolver resolver() {
      return cacheDir != null ? new ModelResolver(cacheDir, new BundleLoader()) : ModelResolver.fromEnvironment();
    }
  }
}
