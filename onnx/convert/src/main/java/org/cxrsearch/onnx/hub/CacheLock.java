package org.cxrsearch.onnx.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock between processes on one cache entry, so that two {@code cxrsearch} processes
 * never write the same download or conversion at once: the second waits, then finds the entry done.
 * The lock file itself is never deleted (deleting it would let a third process lock a different
 * inode); it is empty and harmless.
 */
public final class CacheLock implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(CacheLock.class.getName());

  private final FileChannel channel;
  private final FileLock lock;

  private CacheLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Blocks until the lock on {@code file} is held. */
  public static CacheLock acquire(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock l = ch.tryLock();
      if (l == null) {
        LOG.log(System.Logger.Level.INFO, "waiting for another process that holds {0}", file);
        l = ch.lock();
      }
      return new CacheLock(ch, l);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
