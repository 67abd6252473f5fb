package org.cxrsearch.onnx.convert.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.stream.Stream;
import org.cxrsearch.onnx.convert.ConversionException;
import org.cxrsearch.onnx.io.FileOps;

/**
 * Writes a bundle so that it appears at its final path complete or not at all: files go into a
 * hidden staging directory beside the target ({@code .NAME.partial-UUID}, on the same file system),
 * are fsynced, and the directory is renamed into place atomically. If the conversion fails or the
 * writer is closed uncommitted, the staging directory is deleted. A process that dies mid-write can
 * leave only a {@code .partial-} directory, which is never at the bundle's path and so never loads;
 * {@link #deletePartials} removes them. The writer installs no shutdown hook (a library must not):
 * the command line removes them on Ctrl-C, {@code ModelResolver} under its lock before converting
 * again.
 */
public final class AtomicBundleWriter implements AutoCloseable {

  private final Path target;
  private final Path staging;
  private boolean committed;

  private AtomicBundleWriter(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Deletes the staging directories a writer for {@code target} may have left behind (any
   * process's: call it only when no conversion to {@code target} is running, or when the process is
   * exiting).
   */
  public static void deletePartials(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return;
    }
    String prefix = "." + abs.getFileName() + ".partial-";
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        deleteTree(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
    }
  }

  /** Starts a bundle at {@code target}, which must not exist. */
  public static AtomicBundleWriter create(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      throw new ConversionException(abs + " already exists; choose a new bundle directory or remove it first");
    }
    Path parent = abs.getParent();
    try {
      Files.createDirectories(parent);
      Path staging = parent.resolve("." + abs.getFileName() + ".partial-" + UUID.randomUUID());
      Files.createDirectory(staging);
      return new AtomicBundleWriter(abs, staging);
    } catch (IOException e) {
      throw new ConversionException("cannot create a staging directory beside " + abs + ": " + e.getMessage(), e);
    }
  }

  /** The staging directory to write the bundle's files into. */
  public Path directory() {
    return staging;
  }

  /** Fsyncs every file and the directory, then renames the staging directory to the target. */
  public Path commit() {
    try (Stream<Path> files = Files.list(staging)) {
      for (Path f : files.toList()) {
        fsync(f, false);
      }
      fsync(staging, true);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        throw new ConversionException(target + " appeared while converting; the new bundle was discarded", e);
      } catch (AtomicMoveNotSupportedException e) {
        throw new ConversionException("cannot rename " + staging + " to " + target + " atomically", e);
      }
      fsync(target.getParent(), true);
      committed = true;
      return target;
    } catch (IOException e) {
      throw new ConversionException("cannot finish bundle " + target + ": " + e.getMessage(), e);
    }
  }

  private static void fsync(Path p, boolean directory) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e;
      }
      // Some platforms cannot open directories for fsync; the rename is still atomic.
    }
  }

  @Override
  public void close() {
    if (!committed) {
      deleteTree(staging);
    }
  }

  private static void deleteTree(Path dir) {
    try {
      FileOps.deleteRecursively(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
