package org.cxrsearch.onnx.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test fixtures are: {@code testdata/} of the repository (set by Surefire). */
public final class Fixtures {

  private Fixtures() {}

  public static Path testdata() {
    String configured = System.getProperty("cxr.testdata");
    Path p = configured != null ? Path.of(configured) : Path.of("..", "testdata");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("testdata directory not found at " + p.toAbsolutePath());
    }
    return p;
  }

  /** The tiny random-weight LLM2Vec4CXR fixture. */
  public static Path tiny() {
    return testdata().resolve("llm2vec4cxr-tiny");
  }

  /** The fixture's plain PyTorch ONNX export (no manifest). */
  public static Path tinyOnnxBundle() {
    return tiny().resolve("onnx");
  }

  /**
   * The PyTorch goldens: the complete set from {@code ../shared} when it is there (developers and
   * CI), else the repository's copy, which lacks the two long cases (truncation beyond 512 tokens)
   * because their texts are Indiana University reports, a licence that keeps them out of the
   * repository.
   */
  public static Path goldens() {
    String shared = System.getProperty("cxr.shared");
    if (shared != null) {
      Path complete = Path.of(shared, "fixture", "llm2vec4cxr-tiny", "goldens.json");
      if (Files.isRegularFile(complete)) {
        return complete;
      }
    }
    return tiny().resolve("goldens.json");
  }
}
