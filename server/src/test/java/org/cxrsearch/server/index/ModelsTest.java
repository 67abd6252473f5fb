package org.cxrsearch.server.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.junit.jupiter.api.Test;

/** A request can make the server open only a model the operator allowed. */
class ModelsTest {

  private final List<String> opened = new ArrayList<>();

  private Models models(List<String> alsoAllowed) {
    return new Models("default", alsoAllowed, spec -> {
      opened.add(spec);
      // An encoder no test calls: which specs get opened, and how often, is what is tested here.
      return (TextEncoder) java.lang.reflect.Proxy.newProxyInstance(TextEncoder.class.getClassLoader(),
          new Class<?>[] {TextEncoder.class}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(method.getName());
          });
    });
  }

  @Test
  void aRequestNamingAModelTheOperatorDidNotAllowNeverReachesTheOpener() {
    Models models = models(List.of("/models/cxr"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> models.forRequest("lukeingawesome/llm2vec4cxr"));
    assertTrue(e.getMessage().contains("[lukeingawesome/llm2vec4cxr] is not served here"), e.getMessage());
    assertTrue(e.getMessage().contains("[/models/cxr, default]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> models.forRequest("/etc"));
    assertEquals(List.of(), opened, "nothing was opened, resolved or downloaded");
  }

  @Test
  void theDefaultAndTheAllowedModelsOpenOnceEach() {
    Models models = models(List.of("/models/cxr"));
    TextEncoder first = models.forRequest(null);
    assertSame(first, models.forRequest("default"));
    models.forRequest("/models/cxr");
    models.forRequest("/models/cxr");
    assertEquals(List.of("default", "/models/cxr"), opened);
  }

  @Test
  void anIndexOnDiskOpensTheModelItRecordsWhateverTheAllowList() {
    Models models = models(List.of());
    models.get("/models/recorded-by-the-operator");
    assertEquals(List.of("/models/recorded-by-the-operator"), opened);
  }
}
