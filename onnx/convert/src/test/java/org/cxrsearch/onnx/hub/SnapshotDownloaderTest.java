package org.cxrsearch.onnx.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cxrsearch.onnx.convert.ProgressListener;
import org.cxrsearch.onnx.testing.FakeHub;
import org.cxrsearch.onnx.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads against {@link FakeHub} on loopback, serving the tiny fixture checkpoint. */
class SnapshotDownloaderTest {

  private static final String REPO = "test-org/llm2vec4cxr-tiny";
  private static final String COMMIT_A = "a".repeat(40);
  private static final String COMMIT_B = "b".repeat(40);
  private static final String WEIGHTS = "model.safetensors";

  @TempDir Path cache;

  private FakeHub hub;
  private Map<String, byte[]> fixture;

  @BeforeEach
  void startHub() throws IOException {
    fixture = FakeHub.filesOf(Fixtures.tiny().resolve("hf"));
    Map<String, byte[]> withExtras = new HashMap<>(fixture);
    // Files a real repository has and cxrsearch must not fetch.
    withExtras.put("README.md", "# tiny".getBytes(StandardCharsets.UTF_8));
    withExtras.put("pytorch_model.bin", new byte[1024]);
    hub = new FakeHub(REPO).commit(COMMIT_A, withExtras).ref("main", COMMIT_A);
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  private HubSettings settings(Optional<String> token, boolean offline) {
    return new HubSettings(hub.endpoint(), token, offline, cache);
  }

  private SnapshotDownloader downloader(HubSettings s, int attempts) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    return new SnapshotDownloader(s, new HubClient(s, http, new ObjectMapper()), ProgressListener.NONE, attempts);
  }

  private SnapshotDownloader downloader() {
    return downloader(settings(Optional.empty(), false), 1);
  }

  private void assertFixtureFiles(Path dir) throws IOException {
    for (String name : List.of("config.json", "tokenizer.json", "tokenizer_config.json", WEIGHTS)) {
      assertArrayEquals(fixture.get(name), Files.readAllBytes(dir.resolve(name)), name);
    }
    try (var s = Files.list(dir)) {
      assertEquals(4, s.count(), "only the needed files, no leftovers");
    }
  }

  @Test
  void fullDownloadPublishesVerifiedSnapshotByCommit() throws IOException {
    Path dir = downloader().fetch(RepoId.parse(REPO)).directory();

    CacheLayout layout = new CacheLayout(cache);
    assertEquals(layout.snapshotDir(RepoId.parse(REPO), COMMIT_A), dir);
    assertFixtureFiles(dir);
    assertEquals(Optional.of(COMMIT_A), layout.readRef(RepoId.parse(REPO)));
    assertFalse(Files.exists(layout.incompleteDir(RepoId.parse(REPO), COMMIT_A)));

    FakeHub.Request api = hub.requests().get(0);
    assertEquals("/api/models/" + REPO + "/revision/main", api.path());
    assertEquals("blobs=true", api.query());
    // Every file is fetched by commit, never by the branch name; README and .bin are skipped.
    List<FakeHub.Request> files = hub.requests().stream().filter(r -> r.path().contains("/resolve/")).toList();
    assertEquals(4, files.size(), files.toString());
    assertTrue(files.stream().allMatch(r -> r.path().contains("/resolve/" + COMMIT_A + "/")), files.toString());
    assertTrue(hub.requestsFor("README.md").isEmpty() && hub.requestsFor("pytorch_model.bin").isEmpty());
  }

  @Test
  void interruptedTransferResumesWithRangeOnTheNextRun() throws IOException {
    long cut = 3_000_000;
    hub.dropAfter(WEIGHTS, cut);
    HubException e = assertThrows(HubException.class, () -> downloader().fetch(RepoId.parse(REPO)));
    assertTrue(e.getMessage().contains("run again to resume"), e.getMessage());

    CacheLayout layout = new CacheLayout(cache);
    Path partial = layout.incompleteDir(RepoId.parse(REPO), COMMIT_A).resolve(WEIGHTS + ".incomplete");
    // The client keeps what reached it before the drop (the last buffer in flight may be lost).
    long have = Files.size(partial);
    assertTrue(have > cut / 2 && have <= cut, "kept " + have + " of the " + cut + " bytes sent");
    assertFalse(Files.exists(layout.snapshotDir(RepoId.parse(REPO), COMMIT_A)), "no snapshot from a partial download");

    Path dir = downloader().fetch(RepoId.parse(REPO)).directory();
    assertFixtureFiles(dir);
    List<FakeHub.Request> weights = hub.requestsFor(WEIGHTS);
    assertEquals("bytes=" + have + "-", weights.get(weights.size() - 1).range());
    // Files verified in the first run are not downloaded again.
    assertEquals(1, hub.requestsFor("config.json").size());
  }

  @Test
  void interruptedTransferResumesWithinOneRunWhenRetriesAreAllowed() throws IOException {
    hub.dropAfter(WEIGHTS, 1_000_000);
    Path dir = downloader(settings(Optional.empty(), false), 3).fetch(RepoId.parse(REPO)).directory();
    assertFixtureFiles(dir);
    List<FakeHub.Request> weights = hub.requestsFor(WEIGHTS).stream().filter(r -> r.path().startsWith("/cdn/")).toList();
    assertEquals(2, weights.size(), weights.toString());
    assertNull(weights.get(0).range());
    assertTrue(weights.get(1).range().matches("bytes=\\d+-") && !weights.get(1).range().equals("bytes=0-"),
        weights.get(1).range());
  }

  @Test
  void corruptedLfsFileIsRejectedAndDeleted() throws IOException {
    hub.corrupt(WEIGHTS, true);
    HubException e = assertThrows(HubException.class, () -> downloader().fetch(RepoId.parse(REPO)));
    String good = FakeHub.sha256(fixture.get(WEIGHTS));
    assertTrue(e.getMessage().contains("corrupt download of " + WEIGHTS), e.getMessage());
    assertTrue(e.getMessage().contains("the hub says " + good), e.getMessage());

    Path staging = new CacheLayout(cache).incompleteDir(RepoId.parse(REPO), COMMIT_A);
    assertFalse(Files.exists(staging.resolve(WEIGHTS)), "never renamed to its final name");
    assertFalse(Files.exists(staging.resolve(WEIGHTS + ".incomplete")), "deleted, not resumed from");
    assertFalse(Files.exists(new CacheLayout(cache).snapshotDir(RepoId.parse(REPO), COMMIT_A)));

    hub.corrupt(WEIGHTS, false);
    assertFixtureFiles(downloader().fetch(RepoId.parse(REPO)).directory());
  }

  @Test
  void corruptedGitFileIsRejectedByItsBlobId() {
    hub.corrupt("config.json", true);
    HubException e = assertThrows(HubException.class, () -> downloader().fetch(RepoId.parse(REPO)));
    assertTrue(e.getMessage().contains("git blob id"), e.getMessage());
    assertTrue(e.getMessage().contains(FakeHub.gitBlobId(fixture.get("config.json"))), e.getMessage());
  }

  @Test
  void revisionsArePinnedToCommits() throws IOException {
    Map<String, byte[]> changed = new HashMap<>(fixture);
    changed.put("config.json", "{\"changed\": true}".getBytes(StandardCharsets.UTF_8));
    hub.commit(COMMIT_B, changed).ref("v1", COMMIT_A);

    Path a = downloader().fetch(RepoId.parse(REPO)).directory();
    hub.ref("main", COMMIT_B); // the branch moves on the hub
    Path b = downloader().fetch(RepoId.parse(REPO)).directory();
    assertEquals(new CacheLayout(cache).snapshotDir(RepoId.parse(REPO), COMMIT_B), b);
    assertArrayEquals(changed.get("config.json"), Files.readAllBytes(b.resolve("config.json")));
    assertArrayEquals(fixture.get("config.json"), Files.readAllBytes(a.resolve("config.json")), "old snapshot untouched");

    int before = hub.requests().size();
    assertEquals(a, downloader().fetch(RepoId.parse(REPO + "@" + COMMIT_A)).directory());
    assertEquals(before, hub.requests().size(), "a cached commit needs no network");
    assertEquals(a, downloader().fetch(RepoId.parse(REPO + "@v1")).directory());
    assertEquals(0, hub.requests().subList(before, hub.requests().size()).stream()
        .filter(r -> r.path().contains("/resolve/")).count(), "a tag that resolves to a cached commit downloads nothing");
  }

  @Test
  void offlineWithoutCacheFailsClearlyWithoutNetwork() {
    HubException e = assertThrows(HubException.class,
        () -> downloader(settings(Optional.empty(), true), 1).fetch(RepoId.parse(REPO)));
    assertTrue(e.getMessage().contains("HF_HUB_OFFLINE is set and " + REPO + "@main is not in the cache"),
        e.getMessage());
    assertEquals(List.of(), hub.requests());
  }

  @Test
  void offlineWithCacheUsesTheRecordedCommit() throws IOException {
    Path online = downloader().fetch(RepoId.parse(REPO)).directory();
    int before = hub.requests().size();
    assertEquals(online, downloader(settings(Optional.empty(), true), 1).fetch(RepoId.parse(REPO)).directory());
    assertEquals(before, hub.requests().size());
  }

  @Test
  void tokenIsSentAsBearerToTheHubButNotToAnotherOrigin() throws IOException {
    hub.cdnOnOtherOrigin();
    downloader(settings(Optional.of("hf_secret"), false), 1).fetch(RepoId.parse(REPO)).directory();
    for (FakeHub.Request r : hub.requests()) {
      if (r.path().startsWith("/cdn/")) {
        assertNull(r.authorization(), "token leaked to the CDN: " + r);
      } else {
        assertEquals("Bearer hf_secret", r.authorization(), r.toString());
      }
    }
    assertTrue(hub.requests().stream().anyMatch(r -> r.path().startsWith("/cdn/")), "large files went through the CDN");
  }

  @Test
  void noTokenNoAuthorizationHeader() {
    downloader().fetch(RepoId.parse(REPO)).directory();
    assertTrue(hub.requests().stream().allMatch(r -> r.authorization() == null));
  }

  @Test
  void unknownRepositoryExplainsItself() {
    HubException e = assertThrows(HubException.class, () -> downloader().fetch(RepoId.parse("test-org/nope")));
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    assertTrue(e.getMessage().contains("set HF_TOKEN"), e.getMessage());
  }

  @Test
  void repositoryWithoutTokenizerListsItsFiles() throws IOException {
    Map<String, byte[]> noTokenizer = new HashMap<>(fixture);
    noTokenizer.remove("tokenizer.json");
    hub.commit(COMMIT_B, noTokenizer).ref("main", COMMIT_B);
    HubException e = assertThrows(HubException.class, () -> downloader().fetch(RepoId.parse(REPO)));
    assertTrue(e.getMessage().contains("has no tokenizer.json"), e.getMessage());
    assertTrue(e.getMessage().contains("[config.json, model.safetensors, tokenizer_config.json]"), e.getMessage());
  }

  @Test
  void shardedCheckpointFetchesTheIndexedShards() throws IOException {
    byte[] w = fixture.get(WEIGHTS);
    Map<String, byte[]> sharded = new HashMap<>(fixture);
    sharded.remove(WEIGHTS);
    sharded.put("model-00001-of-00002.safetensors", java.util.Arrays.copyOfRange(w, 0, 1000));
    sharded.put("model-00002-of-00002.safetensors", java.util.Arrays.copyOfRange(w, 1000, 2000));
    sharded.put("unrelated.safetensors", new byte[10]);
    sharded.put(SnapshotDownloader.INDEX, ("{\"weight_map\": {\"a\": \"model-00001-of-00002.safetensors\","
        + " \"b\": \"model-00002-of-00002.safetensors\"}}").getBytes(StandardCharsets.UTF_8));
    hub.commit(COMMIT_B, sharded).ref("main", COMMIT_B);
    Path dir = downloader().fetch(RepoId.parse(REPO)).directory();
    assertTrue(Files.isRegularFile(dir.resolve("model-00002-of-00002.safetensors")));
    assertTrue(Files.isRegularFile(dir.resolve(SnapshotDownloader.INDEX)));
    assertFalse(Files.exists(dir.resolve("unrelated.safetensors")));
  }

  private SnapshotDownloader stallingDownloader(int attempts) {
    HubSettings s = settings(Optional.empty(), false);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    return new SnapshotDownloader(s, new HubClient(s, http, new ObjectMapper(), java.time.Duration.ofMillis(300)),
        ProgressListener.NONE, attempts);
  }

  @Test
  void aStalledTransferIsAbortedAndResumedWithRange() throws IOException {
    hub.stallAfter(WEIGHTS, 1_000_000, 1); // then holds the connection open without sending a byte
    // Preemptive: without a stall timeout the read blocks until the hub closes, i.e. forever here.
    Path dir = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> stallingDownloader(3).fetch(RepoId.parse(REPO)).directory());
    assertFixtureFiles(dir);
    List<FakeHub.Request> weights = hub.requestsFor(WEIGHTS).stream().filter(r -> r.path().startsWith("/cdn/")).toList();
    assertEquals(2, weights.size(), weights.toString());
    assertEquals("bytes=1000000-", weights.get(1).range(), "resumed after the bytes that arrived");
  }

  @Test
  void aTransferThatKeepsStallingFailsNamingTheFile() {
    hub.stallAfter(WEIGHTS, 1000, 10);
    HubException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> assertThrows(HubException.class, () -> stallingDownloader(2).fetch(RepoId.parse(REPO))));
    assertTrue(e.getMessage().startsWith("download of " + WEIGHTS + " from " + REPO + "@main failed"), e.getMessage());
    assertTrue(e.getMessage().contains("no data for 300 ms"), e.getMessage());
    assertTrue(e.getMessage().contains("run again to resume"), e.getMessage());
    assertEquals(2, hub.requestsFor(WEIGHTS).stream().filter(r -> r.path().startsWith("/cdn/")).count(),
        "a bounded number of attempts");
  }

  @Test
  void theTokenIsNotSentOverPlainHttpToANonLoopbackHost() throws IOException {
    // The client reaches "hub.invalid" through the fake hub acting as its HTTP proxy, which sees every header.
    HubSettings s = new HubSettings(java.net.URI.create("http://hub.invalid"), Optional.of("hf_secret"), false, cache);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(java.net.ProxySelector.of(new java.net.InetSocketAddress(hub.endpoint().getHost(), hub.endpoint().getPort())))
        .build();
    new SnapshotDownloader(s, new HubClient(s, http, new ObjectMapper()), ProgressListener.NONE, 1)
        .fetch(RepoId.parse(REPO));
    assertFalse(hub.requests().isEmpty());
    assertTrue(hub.requests().stream().allMatch(r -> r.authorization() == null), "token sent in clear text: " + hub.requests());
  }

  @Test
  void onlyHttpsOrLoopbackHostsMayCarryTheToken() {
    assertTrue(HubClient.mayCarryToken(java.net.URI.create("https://huggingface.co")));
    assertTrue(HubClient.mayCarryToken(java.net.URI.create("http://127.0.0.1:8080")));
    assertTrue(HubClient.mayCarryToken(java.net.URI.create("http://[::1]:8080")));
    assertTrue(HubClient.mayCarryToken(java.net.URI.create("http://localhost:8080")));
    assertFalse(HubClient.mayCarryToken(java.net.URI.create("http://huggingface.co")));
    assertFalse(HubClient.mayCarryToken(java.net.URI.create("http://10.0.0.1")));
    assertFalse(HubClient.mayCarryToken(java.net.URI.create("http://127.0.0.1.example.com")));
  }
}
