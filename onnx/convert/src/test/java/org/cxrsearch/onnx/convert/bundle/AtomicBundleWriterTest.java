package org.cxrsearch.onnx.convert.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class AtomicBundleWriterTest {

  @TempDir Path dir;

  @Test
  void uncommittedWriterLeavesNothingAndCommittedOneLeavesOnlyTheBundle() throws Exception {
    Path target = dir.resolve("bundle");
    try (AtomicBundleWriter w = AtomicBundleWriter.create(target)) {
      Files.writeString(w.directory().resolve("model.onnx"), "x");
    }
    assertEquals(List.of(), names());
    try (AtomicBundleWriter w = AtomicBundleWriter.create(target)) {
      Files.writeString(w.directory().resolve("model.onnx"), "x");
      w.commit();
    }
    assertEquals(List.of("bundle"), names());
  }

  @Test
  void deletePartialsRemovesOnlyTheTargetsStagingDirectories() throws Exception {
    Path target = dir.resolve("b");
    AtomicBundleWriter abandoned = AtomicBundleWriter.create(target); // as if the process died here
    Files.writeString(abandoned.directory().resolve("weights.bin"), "half");
    Files.createDirectories(dir.resolve(".bb.partial-other"));
    Files.createDirectories(dir.resolve("b-not-staging"));
    assertTrue(names().stream().anyMatch(n -> n.startsWith(".b.partial-")));

    AtomicBundleWriter.deletePartials(target);

    assertEquals(List.of(".bb.partial-other", "b-not-staging"), names());
    assertFalse(Files.exists(abandoned.directory()));
  }

  private List<String> names() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
