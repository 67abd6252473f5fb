package org.cxrsearch.onnx.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The two file-system chores every module needs: removing a directory tree (staging directories,
 * benchmark indexes) and replacing a small file atomically (stamps, refs), so that a reader sees
 * the old content or the new one, never a torn write.
 */
public final class FileOps {

  /** Writes the whole new content of a file into {@code tmp}. */
  @FunctionalInterface
  public interface ContentWriter {
    void writeTo(Path tmp) throws IOException;
  }

  private FileOps() {}

  /**
   * Deletes {@code root} and, if it is a directory, everything below it, children first. Symbolic
   * links are deleted, not followed. Nothing happens if {@code root} does not exist.
   */
  public static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Replaces {@code target} with what {@code content} writes: into a temporary sibling (created
   * with the parent directories), then renamed over {@code target} atomically. On failure the
   * temporary file is removed and {@code target} is unchanged.
   */
  public static void writeAtomically(Path target, ContentWriter content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
    try {
      content.writeTo(tmp);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** {@link #writeAtomically(Path, ContentWriter)} of a UTF-8 text. */
  public static void writeAtomically(Path target, String text) throws IOException {
    writeAtomically(target, tmp -> Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8));
  }
}
