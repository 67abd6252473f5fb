package org.cxrsearch.onnx.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cxrsearch.onnx.bundle.Digests;

/**
 * A Hugging Face hub on loopback for tests: one repository with commits and refs, served in the
 * hub's URL layout ({@code /api/models/{repo}/revision/{rev}?blobs=true}, {@code /{repo}/resolve/{rev}/{file}}
 * with {@code X-Repo-Commit} and Range support). Safetensors and {@code tokenizer.json} are described
 * as Git LFS files (sha256), the rest as git blobs (blob id). Large files are served through a
 * redirect to {@code /cdn/...}, optionally on another origin ({@code localhost} instead of
 * {@code 127.0.0.1}) like the real hub's CDN. Faults can be injected: a connection dropped after N
 * bytes, a corrupted body.
 */
public final class FakeHub implements AutoCloseable {

  /** One request as the server saw it. */
  public record Request(String path, String query, String range, String authorization) {}

  private static final Pattern API = Pattern.compile("/api/models/([^/]+)/([^/]+)/revision/([^/?]+)");
  private static final Pattern RESOLVE = Pattern.compile("/([^/]+)/([^/]+)/resolve/([^/]+)/(.+)");
  private static final Pattern CDN = Pattern.compile("/cdn/([0-9a-f]{40})/(.+)");

  private final String repo;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Map<String, Map<String, byte[]>> commits = new ConcurrentHashMap<>();
  private final Map<String, String> refs = new ConcurrentHashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Long> dropAfter = new ConcurrentHashMap<>();
  private final Map<String, Boolean> corrupt = new ConcurrentHashMap<>();
  private final Map<String, long[]> stalls = new ConcurrentHashMap<>(); // file -> {bytes, times left}
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
  private final ObjectMapper json = new ObjectMapper();
  private volatile String cdnHost = "127.0.0.1";

  public FakeHub(String repo) throws IOException {
    this.repo = repo;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Reads every regular file of {@code dir}. */
  public static Map<String, byte[]> filesOf(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (var s = Files.list(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  public FakeHub commit(String sha, Map<String, byte[]> files) {
    commits.put(sha, new TreeMap<>(files));
    return this;
  }

  public FakeHub ref(String revision, String sha) {
    refs.put(revision, sha);
    return this;
  }

  /** The next download of {@code file} sends its headers, then only {@code bytes} bytes, then drops the connection. */
  public void dropAfter(String file, long bytes) {
    dropAfter.put(file, bytes);
  }

  /**
   * The next {@code times} downloads of {@code file} send their headers and {@code bytes} bytes,
   * then nothing more, holding the connection open until the hub is closed.
   */
  public void stallAfter(String file, long bytes, int times) {
    stalls.put(file, new long[] {bytes, times});
  }

  /** Downloads of {@code file} have one byte flipped (the metadata stays right) until {@code healed}. */
  public void corrupt(String file, boolean on) {
    if (on) {
      corrupt.put(file, true);
    } else {
      corrupt.remove(file);
    }
  }

  /** Serves large files from another origin, as the real hub's CDN does. */
  public void cdnOnOtherOrigin() {
    cdnHost = "localhost";
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<Request> requestsFor(String file) {
    return requests().stream().filter(r -> r.path().endsWith("/" + file)).toList();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    URI uri = ex.getRequestURI();
    String path = uri.getRawPath();
    requests.add(new Request(URLDecoder.decode(path, StandardCharsets.UTF_8), uri.getRawQuery(),
        ex.getRequestHeaders().getFirst("Range"), ex.getRequestHeaders().getFirst("Authorization")));
    try (ex) {
      Matcher m;
      if ((m = API.matcher(path)).matches()) {
        api(ex, m.group(1) + "/" + m.group(2), URLDecoder.decode(m.group(3), StandardCharsets.UTF_8), uri.getRawQuery());
      } else if ((m = CDN.matcher(path)).matches()) {
        serve(ex, m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
      } else if ((m = RESOLVE.matcher(path)).matches()) {
        resolve(ex, m.group(1) + "/" + m.group(2), URLDecoder.decode(m.group(3), StandardCharsets.UTF_8),
            URLDecoder.decode(m.group(4), StandardCharsets.UTF_8));
      } else {
        send(ex, 404, "{\"error\":\"not found\"}");
      }
    }
  }

  private String commitOf(String revision) {
    return commits.containsKey(revision) ? revision : refs.get(revision);
  }

  private void api(HttpExchange ex, String requested, String revision, String query) throws IOException {
    String sha = commitOf(revision);
    if (!repo.equals(requested) || sha == null) {
      send(ex, 404, "{\"error\":\"Repository not found\"}");
      return;
    }
    boolean blobs = query != null && query.contains("blobs=true");
    List<Map<String, Object>> siblings = new ArrayList<>();
    commits.get(sha).forEach((name, bytes) -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("rfilename", name);
      if (blobs) {
        s.put("size", bytes.length);
        if (lfs(name)) {
          s.put("blobId", "0".repeat(40)); // the pointer's id, not the content's
          s.put("lfs", Map.of("sha256", sha256(bytes), "size", bytes.length, "pointerSize", 134));
        } else {
          s.put("blobId", gitBlobId(bytes));
        }
      }
      siblings.add(s);
    });
    send(ex, 200, json.writeValueAsString(Map.of("id", repo, "sha", sha, "siblings", siblings)));
  }

  private void resolve(HttpExchange ex, String requested, String revision, String file) throws IOException {
    String sha = commitOf(revision);
    if (!repo.equals(requested) || sha == null || !commits.get(sha).containsKey(file)) {
      send(ex, 404, "{\"error\":\"Entry not found\"}");
      return;
    }
    ex.getResponseHeaders().set("X-Repo-Commit", sha);
    if (lfs(file)) {
      byte[] bytes = commits.get(sha).get(file);
      ex.getResponseHeaders().set("X-Linked-Size", Integer.toString(bytes.length));
      ex.getResponseHeaders().set("X-Linked-Etag", "\"" + sha256(bytes) + "\"");
      ex.getResponseHeaders().set("Location",
          "http://" + cdnHost + ":" + server.getAddress().getPort() + "/cdn/" + sha + "/" + file);
      ex.sendResponseHeaders(302, -1);
      return;
    }
    serve(ex, sha, file);
  }

  private void serve(HttpExchange ex, String sha, String file) throws IOException {
    byte[] bytes = commits.get(sha).get(file);
    if (corrupt.containsKey(file)) {
      bytes = bytes.clone();
      bytes[bytes.length / 2] ^= 0x5a;
    }
    int from = 0;
    String range = ex.getRequestHeaders().getFirst("Range");
    if (range != null) {
      Matcher m = Pattern.compile("bytes=(\\d+)-").matcher(range);
      if (!m.matches() || Long.parseLong(m.group(1)) >= bytes.length) {
        ex.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
        ex.sendResponseHeaders(416, -1);
        return;
      }
      from = Integer.parseInt(m.group(1));
      ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
    }
    ex.getResponseHeaders().set("Accept-Ranges", "bytes");
    ex.sendResponseHeaders(range != null ? 206 : 200, bytes.length - from);
    Long drop = dropAfter.remove(file);
    OutputStream out = ex.getResponseBody();
    long[] stall = stalls.computeIfPresent(file, (f, s) -> s[1] <= 0 ? null : new long[] {s[0], s[1] - 1});
    if (stall != null) {
      out.write(bytes, from, (int) Math.min(stall[0], bytes.length - from));
      out.flush();
      try {
        closed.await(); // a stalled transfer: the connection stays open, no byte follows
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("fake hub: stalled transfer of " + file + " ended by close");
    }
    if (drop != null) {
      out.write(bytes, from, (int) drop.longValue());
      out.flush();
      // A handler that fails makes HttpServer close the connection: the client sees the body end early.
      throw new IOException("fake hub: dropping the connection after " + drop + " bytes of " + file);
    }
    out.write(bytes, from, bytes.length - from);
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  private static boolean lfs(String name) {
    return name.endsWith(".safetensors") || name.equals("tokenizer.json");
  }

  public static String sha256(byte[] bytes) {
    return Digests.hex(Digests.sha256().digest(bytes));
  }

  public static String gitBlobId(byte[] bytes) {
    var sha1 = Digests.sha1();
    sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
    return Digests.hex(sha1.digest(bytes));
  }
}
