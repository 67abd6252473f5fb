package org.cxrsearch.onnx.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the goldens come from, and that CI cannot silently run the reduced set. */
class FixturesTest {

  @TempDir Path tmp;

  @Test
  void underCiAMissingSharedDirectoryFailsInsteadOfDroppingTheLongCases() {
    Path missing = tmp.resolve("no-shared");
    var e = assertThrows(IllegalStateException.class, () -> Fixtures.goldens(missing.toString(), "true"));
    assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Fixtures.goldens(null, "TRUE"));
  }

  @Test
  void outsideCiTheRepositoryCopyIsTheFallback() {
    Path missing = tmp.resolve("no-shared");
    assertEquals(Fixtures.tiny().resolve("goldens.json"), Fixtures.goldens(missing.toString(), null));
    assertEquals(Fixtures.tiny().resolve("goldens.json"), Fixtures.goldens(missing.toString(), "false"));
  }

  @Test
  void theCompleteSetIsUsedWhenPresentWhateverCiSays() throws IOException {
    Path complete = Files.createDirectories(tmp.resolve("shared/fixture/llm2vec4cxr-tiny")).resolve("goldens.json");
    Files.writeString(complete, "{\"cases\": []}");
    assertEquals(complete, Fixtures.goldens(tmp.resolve("shared").toString(), "true"));
    assertEquals(complete, Fixtures.goldens(tmp.resolve("shared").toString(), null));
  }
}
