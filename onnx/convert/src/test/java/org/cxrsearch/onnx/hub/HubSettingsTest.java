package org.cxrsearch.onnx.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HubSettingsTest {

  private static final Path HOME = Path.of("/home/u");

  @Test
  void defaults() {
    HubSettings s = HubSettings.fromEnvironment(Map.of(), HOME);
    assertEquals(URI.create("https://huggingface.co"), s.endpoint());
    assertEquals(Optional.empty(), s.token());
    assertFalse(s.offline());
    assertEquals(Path.of("/home/u/.cache/cxrsearch"), s.cacheDir());
  }

  @Test
  void environmentOverridesEverything() {
    HubSettings s = HubSettings.fromEnvironment(Map.of("HF_ENDPOINT", "https://hf-mirror.example/", "HF_TOKEN", "hf_x",
        "HF_HUB_OFFLINE", "1", "CXRSEARCH_CACHE", "/data/models"), HOME);
    assertEquals(URI.create("https://hf-mirror.example"), s.endpoint(), "trailing slash dropped");
    assertEquals(Optional.of("hf_x"), s.token());
    assertTrue(s.offline());
    assertEquals(Path.of("/data/models"), s.cacheDir());
    assertFalse(s.toString().contains("hf_x"), "the token is never printed");
  }

  @Test
  void offlineAcceptsTheUsualSpellings() {
    for (String on : new String[] {"1", "true", "TRUE", "yes", "On"}) {
      assertTrue(HubSettings.fromEnvironment(Map.of("HF_HUB_OFFLINE", on), HOME).offline(), on);
    }
    for (String off : new String[] {"0", "false", "no", ""}) {
      assertFalse(HubSettings.fromEnvironment(Map.of("HF_HUB_OFFLINE", off), HOME).offline(), off);
    }
  }

  @Test
  void legacyTokenVariableIsAFallback() {
    assertEquals(Optional.of("old"), HubSettings.fromEnvironment(Map.of("HUGGING_FACE_HUB_TOKEN", "old"), HOME).token());
    assertEquals(Optional.of("new"),
        HubSettings.fromEnvironment(Map.of("HUGGING_FACE_HUB_TOKEN", "old", "HF_TOKEN", "new"), HOME).token());
  }

  @Test
  void badEndpointIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HubSettings.fromEnvironment(Map.of("HF_ENDPOINT", "huggingface.co"), HOME));
    assertTrue(e.getMessage().contains("HF_ENDPOINT 'huggingface.co'"), e.getMessage());
  }

  @Test
  void repoIds() {
    RepoId r = RepoId.parse("lukeingawesome/llm2vec4cxr");
    assertEquals("lukeingawesome/llm2vec4cxr", r.repo());
    assertEquals("main", r.revision());
    assertFalse(r.pinned());
    RepoId pinned = RepoId.parse("lukeingawesome/llm2vec4cxr@" + "0123456789abcdef0123456789abcdef01234567");
    assertTrue(pinned.pinned());
    assertEquals("refs/pr/1", RepoId.parse("a/b@refs/pr/1").revision());
    assertTrue(RepoId.looksLike("a/b@v1"));
    assertFalse(RepoId.looksLike("./models/x"));
    assertFalse(RepoId.looksLike("/abs/path"));
    assertFalse(RepoId.looksLike("a/b/c"));
    assertThrows(IllegalArgumentException.class, () -> RepoId.parse("a/..b"));
    assertThrows(IllegalArgumentException.class, () -> RepoId.parse("a/b@../x"));
    assertEquals("refs%2Fpr%2F1", HubClient.segment("refs/pr/1"));
  }
}
