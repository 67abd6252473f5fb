package org.cxrsearch.onnx.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOpsTest {

  @TempDir Path dir;

  @Test
  void deletesATreeButNotWhatALinkPointsTo() throws IOException {
    Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
    Path root = Files.createDirectories(dir.resolve("root/a/b"));
    Files.writeString(root.resolve("f"), "x");
    Files.createSymbolicLink(dir.resolve("root/link"), outside);
    FileOps.deleteRecursively(dir.resolve("root"));
    assertFalse(Files.exists(dir.resolve("root")));
    assertEquals("keep", Files.readString(outside));
    FileOps.deleteRecursively(dir.resolve("root")); // absent: nothing to do
  }

  @Test
  void atomicWriteReplacesOrLeavesTheOldContent() throws IOException {
    Path target = dir.resolve("sub/ref");
    FileOps.writeAtomically(target, "one\n");
    FileOps.writeAtomically(target, "two\n");
    assertEquals("two\n", Files.readString(target));
    assertThrows(IOException.class, () -> FileOps.writeAtomically(target, tmp -> {
      Files.writeString(tmp, "torn");
      throw new IOException("disk full");
    }));
    assertEquals("two\n", Files.readString(target));
    try (var files = Files.list(target.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }
}
