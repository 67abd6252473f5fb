package org.cxrsearch.onnx.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The root pom gives every test a JUnit timeout, so a hang fails the build in minutes instead of
 * eating the CI job's whole time budget. This reads the configuration JUnit actually received.
 */
class TestTimeoutsTest {

  private static Optional<String> defaultTimeout = Optional.empty();
  private static Optional<String> timeoutMode = Optional.empty();

  @RegisterExtension
  static final BeforeEachCallback CAPTURE =
      context -> {
        defaultTimeout = context.getConfigurationParameter("junit.jupiter.execution.timeout.default");
        timeoutMode = context.getConfigurationParameter("junit.jupiter.execution.timeout.mode");
      };

  @Test
  void everyTestHasABoundedDefaultTimeout() {
    String configured =
        defaultTimeout.orElseThrow(() -> new AssertionError("junit.jupiter.execution.timeout.default is not set"));
    // JUnit's duration syntax: "<number> [ns|μs|ms|s|m|h|d]".
    String[] parts = configured.trim().split("\\s+");
    Duration limit =
        switch (parts.length == 2 ? parts[1] : "s") {
          case "ms" -> Duration.ofMillis(Long.parseLong(parts[0]));
          case "s" -> Duration.ofSeconds(Long.parseLong(parts[0]));
          case "m" -> Duration.ofMinutes(Long.parseLong(parts[0]));
          default -> throw new AssertionError("unexpected timeout unit in '" + configured + "'");
        };
    assertTrue(
        limit.compareTo(Duration.ofMinutes(5)) <= 0 && !limit.isZero(),
        "default test timeout " + configured + " should be between 0 and 5 minutes");
    assertTrue(
        timeoutMode.map(m -> m.trim().equals("enabled")).orElse(true),
        "timeouts must not be disabled: " + timeoutMode);
  }
}
