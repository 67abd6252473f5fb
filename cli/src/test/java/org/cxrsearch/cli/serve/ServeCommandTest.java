package org.cxrsearch.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cxrsearch.cli.CxrSearch;
import org.cxrsearch.lucene.store.ReportIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxrsearch serve} in its own JVM: SIGTERM is a graceful shutdown that commits writes that
 * were acknowledged without {@code refresh} (so they are in the index afterwards), and a
 * non-loopback bind without an API key is refused before anything listens.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeCommandTest {

  @TempDir Path data;

  private Process serve(String... extra) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(javaBin, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), CxrSearch.class.getName(), "serve", "--data", data.toString()));
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void sigtermCommitsAcknowledgedWritesBeforeExiting() throws Exception {
    Process p = serve("--port", "0");
    try {
      // stderr is drained all along: a child whose log pipe fills up blocks on its next log line
      java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
      Thread drain = new Thread(() -> new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))
          .lines().forEach(lines::add));
      drain.setDaemon(true);
      drain.start();
      Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
      String url = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (url == null && System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        Matcher m = line == null ? null : listening.matcher(line);
        if (m != null && m.find()) {
          url = m.group(1);
        }
      }
      assertTrue(url != null, "the server announced its address");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/notes/_doc/n1")).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"text\":\"No acute findings.\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(201, r.statusCode(), r.body());
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(143, p.exitValue(), "the JVM's status for SIGTERM");
    } finally {
      p.destroyForcibly();
    }
    try (ReportIndex idx = ReportIndex.openReadOnly(data.resolve("notes"))) {
      assertEquals("No acute findings.", idx.get("n1").orElseThrow().text());
    }
  }

  @Test
  void refusesANonLoopbackBindWithoutAKey() throws Exception {
    Process p = serve("--port", "0", "--bind", "0.0.0.0");
    try {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(1, p.exitValue(), err);
      assertTrue(err.contains("--api-key-file"), err);
    } finally {
      p.destroyForcibly();
    }
  }
}
