package org.cxrsearch.onnx.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cxrsearch.onnx.convert.ProgressListener;

/**
 * The two requests cxrsearch makes to a Hugging Face hub (the layout {@code huggingface_hub} uses):
 *
 * <ul>
 *   <li>{@code GET {endpoint}/api/models/{owner}/{name}/revision/{revision}?blobs=true}: the commit
 *       ({@code sha}) the revision points to and every file ({@code siblings}) with its
 *       {@code size}, git {@code blobId}, and for Git LFS files {@code lfs.sha256} and
 *       {@code lfs.size};
 *   <li>{@code GET {endpoint}/{owner}/{name}/resolve/{commit}/{file}}: the file's bytes, usually
 *       through a redirect to a CDN; {@code Range: bytes=N-} continues an interrupted transfer.
 * </ul>
 *
 * Files are always fetched by commit, never by branch name, so every byte of a snapshot comes from
 * the same commit even if the branch moves during the download. Redirects are followed here rather
 * than by {@link HttpClient} so that the {@code Authorization} header goes to the hub's own origin
 * only, never to the storage host a file redirects to, and only over https (plain http only to a
 * loopback host, such as a test hub): a token sent in clear text is a leaked token.
 *
 * <p>A transfer that receives no bytes for the stall timeout (default {@value
 * #DEFAULT_STALL_SECONDS} s; also the limit for the response headers) is aborted with an
 * {@link IOException}, which the downloader resumes with a {@code Range} request.
 */
public final class HubClient {

  private static final int MAX_REDIRECTS = 10;
  static final int DEFAULT_STALL_SECONDS = 30;
  private static final System.Logger LOG = System.getLogger(HubClient.class.getName());
  private static final Duration API_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final String USER_AGENT = "cxrsearch/" + Optional.ofNullable(
      HubClient.class.getPackage().getImplementationVersion()).orElse("dev") + "; java/" + Runtime.version().feature();

  private final HubSettings settings;
  private final HttpClient http;
  private final ObjectMapper json;
  private final Duration stallTimeout;

  public HubClient(HubSettings settings, HttpClient http, ObjectMapper json) {
    this(settings, http, json, Duration.ofSeconds(DEFAULT_STALL_SECONDS));
  }

  /**
   * @param stallTimeout a download without a byte for this long is aborted (and resumable)
   */
  public HubClient(HubSettings settings, HttpClient http, ObjectMapper json, Duration stallTimeout) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.json = Objects.requireNonNull(json, "json");
    this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
    if (stallTimeout.isNegative() || stallTimeout.isZero()) {
      throw new IllegalArgumentException("stallTimeout must be positive: " + stallTimeout);
    }
    if (settings.token().isPresent() && !mayCarryToken(settings.endpoint())) {
      LOG.log(System.Logger.Level.WARNING, () -> "HF_TOKEN is set but " + settings.endpoint() + " is plain http to a"
          + " non-loopback host: the token will not be sent (only over https)");
    }
  }

  /** A client with its own {@link HttpClient} (redirects handled here, 30 s connect timeout). */
  public static HubClient create(HubSettings settings) {
    return new HubClient(settings,
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(CONNECT_TIMEOUT).build(),
        new ObjectMapper());
  }

  /**
   * Resolves {@code repo}'s revision to a commit and lists its files with sizes and digests.
   *
   * @throws IOException when the hub cannot be reached (the caller may fall back to the cache)
   * @throws HubException when the hub answers but refuses (unknown repository, no access)
   */
  public RepoSnapshot snapshot(RepoId repo) throws IOException {
    URI uri = URI.create(settings.endpoint() + "/api/models/" + repo.repo() + "/revision/" + segment(repo.revision())
        + "?blobs=true");
    HttpResponse<InputStream> r = send(uri, Map.of(), API_TIMEOUT).response();
    try (InputStream body = r.body()) {
      if (r.statusCode() != 200) {
        throw refusal(repo.toString(), uri, r.statusCode());
      }
      JsonNode root = json.readTree(body);
      String commit = root.path("sha").asText(null);
      if (!RepoId.isCommit(commit)) {
        throw new HubException(uri + " answered without a commit id ('sha': " + commit + ")");
      }
      List<RepoFile> files = new ArrayList<>();
      for (JsonNode s : root.path("siblings")) {
        JsonNode lfs = s.path("lfs");
        String name = s.path("rfilename").asText();
        long size = lfs.has("size") ? lfs.path("size").asLong() : s.path("size").asLong(-1);
        if (size < 0) {
          throw new HubException(uri + " lists '" + name + "' without a size; the hub answered without ?blobs=true metadata");
        }
        files.add(new RepoFile(name, size, lfs.has("sha256") ? lfs.path("sha256").asText() : null,
            lfs.isMissingNode() || lfs.isNull() ? s.path("blobId").asText(null) : null));
      }
      return new RepoSnapshot(repo, commit, files);
    }
  }

  /**
   * Downloads {@code file} of {@code snapshot} into {@code partial}, continuing after the bytes it
   * already holds. Returns when the server has sent everything; checking size and digest is the
   * caller's job. On a network failure the bytes received so far stay in {@code partial}.
   *
   * @throws IOException on a network failure (resumable)
   * @throws HubException when the hub refuses the file or serves another commit
   */
  public void download(RepoSnapshot snapshot, RepoFile file, Path partial, ProgressListener progress) throws IOException {
    URI uri = URI.create(settings.endpoint() + "/" + snapshot.repo().repo() + "/resolve/" + snapshot.commit() + "/"
        + path(file.name()));
    long have = Files.exists(partial) ? Files.size(partial) : 0;
    if (have > file.size()) {
      Files.delete(partial); // longer than the file can be: not a prefix of it
      have = 0;
    }
    if (have == file.size() && have > 0) {
      return;
    }
    Map<String, String> range = have > 0 ? Map.of("Range", "bytes=" + have + "-") : Map.of();
    Exchange ex = send(uri, range, stallTimeout);
    HttpResponse<InputStream> r = ex.response();
    try (InputStream body = r.body()) {
      ex.repoCommit().filter(c -> !c.equals(snapshot.commit())).ifPresent(c -> {
        throw new HubException(uri + " served commit " + c + " instead of " + snapshot.commit());
      });
      boolean append;
      switch (r.statusCode()) {
        case 206 -> {
          String contentRange = r.headers().firstValue("Content-Range").orElse("");
          if (!contentRange.startsWith("bytes " + have + "-")) {
            throw new IOException(uri + " answered Range bytes=" + have + "- with Content-Range '" + contentRange + "'");
          }
          append = true;
        }
        case 200 -> {
          append = false; // the server ignored the range: start over
          have = 0;
        }
        case 416 -> {
          Files.deleteIfExists(partial); // our prefix does not fit the file: start over next attempt
          throw new IOException(uri + " refused the range bytes=" + have + "- (416); restarting the file");
        }
        default -> throw refusal(snapshot.repo().repo() + " file " + file.name(), uri, r.statusCode());
      }
      progress.begin(file.name(), file.size());
      long start = have;
      try (StallGuard guard = new StallGuard(body, stallTimeout, file.name())) {
        progress.advance(have);
        try {
          copy(body, partial, append, progress, guard);
        } catch (IOException e) {
          if (guard.stalled()) {
            long now = Files.exists(partial) ? Files.size(partial) : 0;
            throw new IOException("no data for " + describe(stallTimeout) + " from " + uri + " (stalled after "
                + (now - start) + " bytes of this transfer, " + now + " of " + file.size() + " in all)", e);
          }
          throw e;
        }
      } finally {
        progress.end();
      }
    }
  }

  private static void copy(InputStream body, Path partial, boolean append, ProgressListener progress, StallGuard guard)
      throws IOException {
    Files.createDirectories(partial.getParent());
    StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
    byte[] buffer = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
      for (int n; (n = body.read(buffer)) > 0; ) {
        guard.progressed();
        out.write(buffer, 0, n);
        progress.advance(n);
      }
    }
  }

  /** A response and the {@code X-Repo-Commit} seen on the way (the hub sets it before redirecting). */
  private record Exchange(HttpResponse<InputStream> response, Optional<String> repoCommit) {}

  private Exchange send(URI uri, Map<String, String> headers, Duration timeout) throws IOException {
    URI current = uri;
    Optional<String> repoCommit = Optional.empty();
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(current).GET().header("User-Agent", USER_AGENT);
      if (timeout != null) {
        b.timeout(timeout);
      }
      headers.forEach(b::header);
      if (settings.token().isPresent() && sameOrigin(current, settings.endpoint()) && mayCarryToken(current)) {
        b.header("Authorization", "Bearer " + settings.token().get());
      }
      HttpResponse<InputStream> r;
      try {
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while requesting " + current);
      }
      if (repoCommit.isEmpty()) {
        repoCommit = r.headers().firstValue("X-Repo-Commit");
      }
      Optional<String> location = r.headers().firstValue("Location");
      if (isRedirect(r.statusCode()) && location.isPresent()) {
        r.body().close();
        if (hop >= MAX_REDIRECTS) {
          throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + uri);
        }
        current = current.resolve(location.get());
        continue;
      }
      return new Exchange(r, repoCommit);
    }
  }

  private HubException refusal(String what, URI uri, int status) {
    String hint = switch (status) {
      case 401, 403 -> settings.token().isPresent() && !mayCarryToken(settings.endpoint())
          ? "HF_TOKEN was not sent, because " + settings.endpoint() + " is not https"
          : settings.token().isPresent()
          ? "the token in HF_TOKEN has no access to it (gated or private: accept its terms on the hub)"
          : "it needs authentication: set HF_TOKEN to a Hugging Face access token";
      case 404 -> "no such repository, revision or file"
          + (settings.token().isPresent() ? "" : " (or it is private: set HF_TOKEN)");
      default -> "unexpected answer";
    };
    return new HubException(what + ": " + settings.endpoint() + " answered HTTP " + status + " for " + uri + "; " + hint);
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** https, or plain http to a loopback host (a hub in a test or on this machine). */
  static boolean mayCarryToken(URI uri) {
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      return true;
    }
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: a name is not resolved here (a resolver could map it anywhere).
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(literal).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /** One URL path segment ({@code refs/pr/1} becomes {@code refs%2Fpr%2F1}). */
  static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A repository path, each segment encoded. */
  private static String path(String name) {
    return String.join("/", java.util.Arrays.stream(name.split("/")).map(HubClient::segment).toList());
  }
}
