package org.cxrsearch.onnx.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cxrsearch.onnx.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a model must leave nothing under {@code ~/.cache/Microsoft}: ONNX Runtime 1.29 writes a
 * device id and a telemetry event queue there when its environment is created, unless telemetry
 * was switched off before. Each case runs in a fresh JVM (the environment is created once per
 * process) with a temporary home directory, and without the CI variables that would switch ONNX
 * Runtime's telemetry off on their own.
 */
class OrtTelemetryTest {

  /** Variables with which ONNX Runtime 1.29 suppresses telemetry by itself (a CI run sets some). */
  private static final List<String> SUPPRESSING_VARIABLES = List.of(
      "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS", "JENKINS_URL", "CODEBUILD_BUILD_ID",
      "BUILDKITE", "TEAMCITY_VERSION", "APPVEYOR", "BITBUCKET_BUILD_NUMBER", "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI",
      "ORT_RUNNING_UNIT_TESTS", "ORT_DISABLE_TELEMETRY", "ORT_TELEMETRY_DISABLED");

  @TempDir Path dir;

  @Test
  void openingAModelTheProjectsWayWritesNoTelemetryFiles() throws Exception {
    Path home = dir.resolve("home");
    runProbe("project", home);
    assertEquals(List.of(), filesUnder(home.resolve(".cache/Microsoft")));
  }

  /** The control: the same JVM set-up without the switch does write there, so the check above can fail. */
  @Test
  void plainOnnxRuntimeWritesItsTelemetryFilesUnderTheHome() throws Exception {
    Path home = dir.resolve("home");
    runProbe("raw", home);
    List<Path> written = filesUnder(home.resolve(".cache/Microsoft"));
    assertFalse(written.isEmpty(), "ONNX Runtime's telemetry wrote nothing: this control no longer shows the check can fail");
    assertTrue(written.stream().anyMatch(p -> p.getFileName().toString().equals("deviceid")), written.toString());
  }

  private void runProbe(String mode, Path home) throws IOException, InterruptedException {
    Files.createDirectories(home);
    ProcessBuilder pb = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-Duser.home=" + home,
            "-cp", System.getProperty("java.class.path"),
            OrtTelemetryProbe.class.getName(), mode, Fixtures.tinyOnnxBundle().resolve("model.onnx").toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(mode + ".log").toFile());
    Map<String, String> env = pb.environment();
    SUPPRESSING_VARIABLES.forEach(env::remove);
    env.put("HOME", home.toString()); // the native library finds the home through $HOME
    env.remove("XDG_CACHE_HOME");
    Process child = pb.start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not end within 60 s");
    String log = Files.readString(dir.resolve(mode + ".log"));
    assertEquals(0, child.exitValue(), log);
    assertTrue(log.contains("session opened"), log);
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }
}
