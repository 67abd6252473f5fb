package org.cxrsearch.onnx.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cxrsearch.onnx.convert.ConvertOptions;
import org.cxrsearch.onnx.convert.ProgressListener;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.hub.HubClient;
import org.cxrsearch.onnx.hub.HubException;
import org.cxrsearch.onnx.hub.HubSettings;
import org.cxrsearch.onnx.hub.SnapshotDownloader;
import org.cxrsearch.onnx.testing.FakeHub;
import org.cxrsearch.onnx.testing.Fixtures;
import org.cxrsearch.onnx.testing.Goldens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of {@code --model}: bundle directory, checkpoint directory, repository id (loopback hub). */
class ModelResolverTest {

  private static final String REPO = "test-org/llm2vec4cxr-tiny";
  private static final String COMMIT = "c".repeat(40);

  @TempDir Path tmp;

  private FakeHub hub;
  /** Checkpoint directories the resolver converted, in order. */
  private final List<Path> conversions = new ArrayList<>();

  @BeforeEach
  void startHub() throws IOException {
    hub = new FakeHub(REPO).commit(COMMIT, FakeHub.filesOf(Fixtures.tiny().resolve("hf"))).ref("main", COMMIT);
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  private ModelResolver resolver(boolean offline) {
    HubSettings settings = new HubSettings(hub.endpoint(), Optional.empty(), offline, tmp.resolve("cache"));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CheckpointConversion real = CheckpointConversion.standard(ProgressListener.NONE);
    return new ModelResolver(settings, new BundleLoader(),
        () -> new SnapshotDownloader(settings, new HubClient(settings, http, new ObjectMapper()), ProgressListener.NONE, 1),
        (checkpoint, bundle, options) -> {
          conversions.add(checkpoint);
          real.convert(checkpoint, bundle, options);
        },
        ConvertOptions.defaults());
  }

  private Path copyOfCheckpoint() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("my-checkpoint"));
    try (var files = Files.list(Fixtures.tiny().resolve("hf"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  /** The first golden case, encoded with the resolved bundle, matches the PyTorch reference. */
  private static void assertGoldenParity(ModelBundle bundle) {
    Goldens.Case c = Goldens.load(Fixtures.goldens()).cases().get(0);
    try (OnnxEncoder encoder = OnnxEncoder.open(bundle, EncoderConfig.defaults())) {
      float[][] got = c.separatorMode() ? encoder.encodeWithInstruction(c.texts()) : encoder.encodeText(c.texts());
      for (int i = 0; i < got.length; i++) {
        for (int d = 0; d < got[i].length; d++) {
          assertEquals(c.embeddingBatched()[i][d], got[i][d], 1e-5, c.id() + " text " + i + " dim " + d);
        }
      }
    }
  }

  @Test
  void bundleDirectoryIsLoadedAsIs() {
    ModelBundle b = resolver(false).resolve(Fixtures.tinyOnnxBundle().toString());
    assertEquals(Fixtures.tinyOnnxBundle().toAbsolutePath().normalize(), b.directory());
    assertEquals(List.of(), conversions);
  }

  @Test
  void checkpointDirectoryIsConvertedOnceIntoTheCache() throws IOException {
    Path checkpoint = copyOfCheckpoint();
    ModelBundle first = resolver(false).resolve(checkpoint.toString());
    assertTrue(first.directory().startsWith(tmp.resolve("cache").resolve("bundles")), first.directory().toString());
    assertTrue(first.directory().getFileName().toString().startsWith("local--my-checkpoint--"));
    assertTrue(first.manifest().orElseThrow().files().containsKey(ModelBundle.MODEL_FILE), "converted with checksums");

    ModelBundle again = resolver(false).resolve(checkpoint.toString());
    assertEquals(first.directory(), again.directory());
    assertEquals(1, conversions.size(), "the second resolve reuses the converted bundle");

    // An edited checkpoint is a different model: it is converted again, into another directory.
    Files.setLastModifiedTime(checkpoint.resolve("config.json"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    ModelBundle edited = resolver(false).resolve(checkpoint.toString());
    assertNotEquals(first.directory(), edited.directory());
    assertEquals(2, conversions.size());
  }

  @Test
  void repositoryIdIsDownloadedConvertedAndCachedByCommit() {
    ModelBundle b = resolver(false).resolve(REPO);
    assertTrue(b.directory().getFileName().toString().startsWith("hub--test-org--llm2vec4cxr-tiny--" + COMMIT + "--fp32-"),
        b.directory().toString());
    assertEquals(REPO + "@" + COMMIT, b.name(), "named after the repository, pinned to the commit");
    assertGoldenParity(b);

    int requests = hub.requests().size();
    ModelBundle offline = resolver(true).resolve(REPO);
    assertEquals(b.directory(), offline.directory());
    assertEquals(requests, hub.requests().size(), "offline: no request");
    assertEquals(1, conversions.size());
  }

  @Test
  void offlineRepositoryWithoutCacheIsAClearError() {
    HubException e = assertThrows(HubException.class, () -> resolver(true).resolve(REPO + "@v2"));
    assertTrue(e.getMessage().startsWith("HF_HUB_OFFLINE is set and " + REPO + "@v2 is not in the cache"), e.getMessage());
    assertEquals(List.of(), hub.requests());
  }

  @Test
  void unusableSpecsListWhatIsAccepted() throws IOException {
    ModelLoadException notAnything = assertThrows(ModelLoadException.class, () -> resolver(false).resolve("no such thing"));
    assertTrue(notAnything.getMessage().contains("not a directory, and not a Hugging Face repository id"),
        notAnything.getMessage());

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(empty.resolve("notes.txt"), "x");
    ModelLoadException neither = assertThrows(ModelLoadException.class, () -> resolver(false).resolve(empty.toString()));
    assertTrue(neither.getMessage().contains("neither a model bundle"), neither.getMessage());
    assertTrue(neither.getMessage().contains("[notes.txt]"), neither.getMessage());
  }

  /** A loopback "hub" that only counts the TCP connections made to it. */
  private static final class CountingEndpoint implements AutoCloseable {
    final java.net.ServerSocket socket;
    final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    final Thread acceptor;

    CountingEndpoint() throws IOException {
      socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try (java.net.Socket s = socket.accept()) {
            connections.incrementAndGet();
          } catch (IOException closed) {
            return;
          }
        }
      }, "counting-hub");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    java.net.URI endpoint() {
      return java.net.URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private ModelResolver resolverAgainst(java.net.URI endpoint) {
    HubSettings settings = new HubSettings(endpoint, Optional.empty(), false, tmp.resolve("cache"));
    return new ModelResolver(settings, new BundleLoader(),
        () -> new SnapshotDownloader(settings, HubClient.create(settings), ProgressListener.NONE, 1),
        (checkpoint, bundle, options) -> conversions.add(checkpoint), ConvertOptions.defaults());
  }

  @Test
  void aMistypedLocalPathIsAnErrorNamingItAndTheHubIsNeverContacted() throws IOException {
    // "src" exists in the module directory Surefire runs in, so "src/<missing>" is a path, not owner/name.
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("src")), "runs from the module directory");
    Files.createDirectories(tmp.resolve("models"));
    try (CountingEndpoint hubStandIn = new CountingEndpoint()) {
      ModelResolver resolver = resolverAgainst(hubStandIn.endpoint());
      for (String spec : List.of("src/no-such-model", tmp.resolve("models/nope").toString(), "./models/nope",
          "~/models/nope", "models/nope/", "a/b/c")) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> resolver.resolve(spec), spec);
        assertTrue(e.getMessage().startsWith("--model " + spec + ": not a directory: nothing at "), e.getMessage());
        assertTrue(e.getMessage().contains("hf:owner/name[@revision]"), "says how a repository id is written: "
            + e.getMessage());
      }
      ModelLoadException partial = assertThrows(ModelLoadException.class, () -> resolver.resolve("src/no-such-model"));
      assertTrue(partial.getMessage().contains("src exists, no-such-model does not"), partial.getMessage());
      Thread.sleep(100); // let the acceptor count a connection that may be in flight
      assertEquals(0, hubStandIn.connections.get(), "a mistyped path must not reach the network");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theHubPrefixAlwaysMeansARepositoryEvenWhenALocalDirectoryHasItsOwnerName() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("src")), "runs from the module directory");
    // a repository whose owner is spelled like the local "src" directory
    try (FakeHub srcHub = new FakeHub("src/tiny")) {
      srcHub.commit(COMMIT, FakeHub.filesOf(Fixtures.tiny().resolve("hf"))).ref("main", COMMIT);
      ModelResolver resolver = resolverAgainst(srcHub.endpoint());
      assertThrows(ModelLoadException.class, () -> resolver.resolve("src/tiny"), "bare: a local path");
      assertEquals(List.of(), srcHub.requests());
      assertThrows(ModelLoadException.class, () -> resolver.resolve("hf:not a repo"));
      try {
        resolver.resolve("hf:src/tiny");
      } catch (ModelLoadException expected) {
        // the stand-in conversion writes no bundle; what matters is that the hub was asked
      }
      assertTrue(srcHub.requests().stream().anyMatch(r -> r.path().equals("/api/models/src/tiny/revision/main")),
          srcHub.requests().toString());
      assertEquals(1, conversions.size(), "downloaded, then handed to conversion");
    }
  }
}
