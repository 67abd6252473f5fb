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

  public static Path goldens() {
    return tiny().resolve("goldens.json");
  }
}
