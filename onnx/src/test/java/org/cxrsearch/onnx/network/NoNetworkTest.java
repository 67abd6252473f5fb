package org.cxrsearch.onnx.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.onnx.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * No network access at run time: loading the tokenizer and the model and encoding make no URL
 * connection, even with DJL's opt-out variables absent from the environment. Each check runs in a
 * fresh JVM, since DJL calls home at most once per process.
 */
class NoNetworkTest {

  private static List<String> probe(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"),
        NetworkProbe.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    for (String v : List.of("DJL_OFFLINE", "OPT_OUT_TRACKING")) {
      pb.environment().remove(v);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
    assertEquals(0, p.exitValue(), out);
    List<String> lines = out.lines().toList();
    int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("URIS ")).findFirst().orElseThrow());
    return lines.subList(start + 1, lines.size());
  }

  @Test
  void encoderMakesNoConnection() throws Exception {
    List<String> uris = probe("encoder", Fixtures.tinyOnnxBundle().toAbsolutePath().toString());
    assertEquals(List.of(), uris, "the encoder tried to reach the network");
  }

  @Test
  void theProbeDoesSeeDjlTelemetryWhenItIsAllowed() throws Exception {
    // Control: without cxrsearch's switches DJL tries EC2 metadata / its telemetry URL, and the
    // probe records it, so the empty list above means something.
    List<String> uris = probe("control");
    assertTrue(!uris.isEmpty() && uris.stream().anyMatch(u -> u.contains("169.254.169.254") || u.contains("telemetry")),
        uris.toString());
  }
}
