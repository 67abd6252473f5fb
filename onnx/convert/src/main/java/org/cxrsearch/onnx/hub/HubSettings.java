package org.cxrsearch.onnx.hub;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where models come from and where they are kept. Built once from the environment
 * ({@link #fromEnvironment(Map, Path)}) so that nothing below reads {@code System.getenv}, and tests
 * pass their own values.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code HF_ENDPOINT}</td><td>base URL of the Hugging Face hub or a mirror</td><td>{@value #DEFAULT_ENDPOINT}</td></tr>
 *   <tr><td>{@code HF_TOKEN}</td><td>access token, sent as {@code Authorization: Bearer} to the hub
 *       (never to a CDN it redirects to); {@code HUGGING_FACE_HUB_TOKEN} is read as a fallback</td><td>none</td></tr>
 *   <tr><td>{@code HF_HUB_OFFLINE}</td><td>{@code 1}/{@code true}/{@code yes}/{@code on}: no network, the cache only</td><td>off</td></tr>
 *   <tr><td>{@code CXRSEARCH_CACHE}</td><td>the cache directory (see {@link CacheLayout})</td><td>{@code ~/.cache/cxrsearch}</td></tr>
 * </table>
 *
 * @param endpoint hub base URL, without a trailing slash
 * @param token bearer token for the hub
 * @param offline use only what the cache holds
 * @param cacheDir root of the model cache
 */
public record HubSettings(URI endpoint, Optional<String> token, boolean offline, Path cacheDir) {

  public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

  private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

  public HubSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(cacheDir, "cacheDir");
    String s = endpoint.toString();
    if (s.endsWith("/")) {
      endpoint = URI.create(s.substring(0, s.length() - 1));
    }
    token = token.filter(t -> !t.isBlank());
  }

  /** Settings from the process environment and the user's home directory. */
  public static HubSettings fromEnvironment() {
    return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * Settings from the given environment.
   *
   * @param env environment variables
   * @param home the user's home directory, for the default cache location
   */
  public static HubSettings fromEnvironment(Map<String, String> env, Path home) {
    String endpoint = nonBlank(env.get("HF_ENDPOINT")).orElse(DEFAULT_ENDPOINT);
    Optional<String> token = nonBlank(env.get("HF_TOKEN")).or(() -> nonBlank(env.get("HUGGING_FACE_HUB_TOKEN")));
    boolean offline = nonBlank(env.get("HF_HUB_OFFLINE")).map(v -> TRUE.contains(v.trim().toLowerCase(Locale.ROOT)))
        .orElse(false);
    Path cache = nonBlank(env.get("CXRSEARCH_CACHE")).map(Path::of)
        .orElseGet(() -> home.resolve(".cache").resolve("cxrsearch"));
    URI uri;
    try {
      uri = URI.create(endpoint.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("HF_ENDPOINT '" + endpoint + "' is not a URL: " + e.getMessage(), e);
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("HF_ENDPOINT '" + endpoint + "' is not an http(s) URL");
    }
    return new HubSettings(uri, token, offline, cache);
  }

  /** The same settings with another cache directory (a command-line option wins over the environment). */
  public HubSettings withCacheDir(Path dir) {
    return new HubSettings(endpoint, token, offline, dir);
  }

  public CacheLayout cache() {
    return new CacheLayout(cacheDir);
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "HubSettings[endpoint=" + endpoint + ", token=" + (token.isPresent() ? "(set)" : "(none)")
        + ", offline=" + offline + ", cacheDir=" + cacheDir + "]";
  }

  private static Optional<String> nonBlank(String s) {
    return Optional.ofNullable(s).filter(v -> !v.isBlank());
  }
}
