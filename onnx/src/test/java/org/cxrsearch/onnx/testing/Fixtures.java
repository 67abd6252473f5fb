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
   * repository. Under CI ({@code CI=true}) the complete set is required: silently testing less
   * there would hide a lost truncation check.
   */
  public static Path goldens() {
    return goldens(System.getProperty("cxr.shared"), System.getenv("CI"));
  }

  /**
   * {@link #goldens()} for a given {@code cxr.shared} location and {@code CI} variable.
   *
   * @throws IllegalStateException when {@code ci} is true and the complete goldens are missing
   */
  static Path goldens(String shared, String ci) {
    Path complete = shared == null ? null : Path.of(shared, "fixture", "llm2vec4cxr-tiny", "goldens.json");
    if (complete != null && Files.isRegularFile(complete)) {
      return complete;
    }
    if (ci != null && ci.trim().equalsIgnoreCase("true")) {
      throw new IllegalStateException("CI=true, but the complete goldens are missing ("
          + (complete == null ? "cxr.shared is not set" : complete.toAbsolutePath() + " does not exist")
          + "): without ../shared the long-truncation cases would be skipped silently; check out ../shared next to"
          + " the repository or set -Dcxr.shared");
    }
    return tiny().resolve("goldens.json");
  }
}
