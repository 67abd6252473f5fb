package org.cxrsearch.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.cxrsearch.onnx.bundle.Digests;

/**
 * The API keys a server accepts, from {@code Authorization: ApiKey <key>} or
 * {@code Authorization: Bearer <key>}. Keys are kept as SHA-256 digests and compared with
 * {@link MessageDigest#isEqual} (constant time in the digest length), so neither the key nor its
 * length leaks through response timing. Every key is checked, so the time does not say which one matched.
 *
 * <p>Elasticsearch's own clients send {@code ApiKey base64(id:key)}; a key is accepted both as
 * given and when the header carries its base64 form.
 */
public final class ApiKeys {

  private final List<byte[]> digests;

  private ApiKeys(List<byte[]> digests) {
    this.digests = List.copyOf(digests);
  }

  public static ApiKeys none() {
    return new ApiKeys(List.of());
  }

  public static ApiKeys of(List<String> keys) {
    List<byte[]> d = new ArrayList<>();
    for (String k : keys) {
      if (k.isBlank()) {
        throw new IllegalArgumentException("an API key is blank");
      }
      d.add(digest(k.strip()));
      d.add(digest(Base64.getEncoder().encodeToString(k.strip().getBytes(StandardCharsets.UTF_8))));
    }
    return new ApiKeys(d);
  }

  /**
   * Reads one key per line (blank lines and {@code #} comments skipped).
   *
   * @throws IOException if the file cannot be read; IllegalArgumentException if it holds no key
   */
  public static ApiKeys read(Path file) throws IOException {
    List<String> keys = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        keys.add(l);
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(file + ": no API key in the file (one key per line)");
    }
    return of(keys);
  }

  public boolean enabled() {
    return !digests.isEmpty();
  }

  /** Whether the {@code Authorization} header value carries an accepted key. */
  public boolean accepts(String authorization) {
    if (authorization == null) {
      return false;
    }
    String a = authorization.strip();
    int space = a.indexOf(' ');
    if (space < 0) {
      return false;
    }
    String scheme = a.substring(0, space);
    if (!scheme.equalsIgnoreCase("ApiKey") && !scheme.equalsIgnoreCase("Bearer")) {
      return false;
    }
    byte[] given = digest(a.substring(space + 1).strip());
    boolean ok = false;
    for (byte[] d : digests) {
      ok |= MessageDigest.isEqual(d, given);
    }
    return ok;
  }

  private static byte[] digest(String key) {
    return Digests.sha256().digest(key.getBytes(StandardCharsets.UTF_8));
  }
}
