package org.cxrsearch.onnx.convert.safetensors;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Memory mappings that are unmapped together when this is closed.
 *
 * <p>A {@link java.nio.MappedByteBuffer} from {@link FileChannel#map(FileChannel.MapMode, long,
 * long)} stays mapped until the garbage collector finds it unreachable, which for a multi-gigabyte
 * checkpoint may be never in a long-lived process. A shared {@code java.lang.foreign.Arena} unmaps
 * its segments deterministically on {@code close()}, and a later access fails with an
 * {@link IllegalStateException} rather than reading freed memory. The arena API is final from Java
 * 22 but a preview in 21, for which the project compiles, so it is reached reflectively here, once
 * per mapping (reads go through the segment's {@link ByteBuffer} view at full speed). On a runtime
 * without it, mappings fall back to the garbage-collected kind.
 */
final class FileMappings implements AutoCloseable {

  private static final Arenas ARENAS = Arenas.find();

  private final Object arena; // a java.lang.foreign.Arena, or null without the API

  private FileMappings(Object arena) {
    this.arena = arena;
  }

  /** A new set of mappings with its own shared arena. */
  static FileMappings open() {
    return new FileMappings(ARENAS == null ? null : ARENAS.ofShared());
  }

  /** Whether {@link #close()} really unmaps (the arena API is available). */
  static boolean unmapsOnClose() {
    return ARENAS != null;
  }

  /** Maps {@code [offset, offset + size)} of {@code channel} read-only; {@code size} below 2 GB. */
  ByteBuffer map(FileChannel channel, long offset, long size) throws IOException {
    if (arena == null) {
      return channel.map(FileChannel.MapMode.READ_ONLY, offset, size);
    }
    return ARENAS.map(channel, offset, size, arena);
  }

  @Override
  public void close() {
    if (arena != null) {
      ARENAS.close(arena);
    }
  }

  /** The reflective handles of {@code Arena} and {@code FileChannel.map(..., Arena)}. */
  private record Arenas(Method ofSharedMethod, Method closeMethod, Method mapMethod, Method asByteBufferMethod) {

    static Arenas find() {
      try {
        Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Arenas a = new Arenas(
            arenaType.getMethod("ofShared"),
            arenaType.getMethod("close"),
            FileChannel.class.getMethod("map", FileChannel.MapMode.class, long.class, long.class, arenaType),
            segmentType.getMethod("asByteBuffer"));
        a.close(a.ofShared()); // usable here, not only present (a preview API on Java 21 throws)
        return a;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }

    Object ofShared() {
      return invoke(ofSharedMethod, null);
    }

    void close(Object arena) {
      invoke(closeMethod, arena);
    }

    ByteBuffer map(FileChannel channel, long offset, long size, Object arena) throws IOException {
      try {
        Object segment = mapMethod.invoke(channel, FileChannel.MapMode.READ_ONLY, offset, size, arena);
        return (ByteBuffer) asByteBufferMethod.invoke(segment);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw unchecked(e);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Object invoke(Method m, Object target) {
      try {
        return m.invoke(target);
      } catch (InvocationTargetException e) {
        throw unchecked(e);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static RuntimeException unchecked(InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        return r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      return new IllegalStateException(e.getCause());
    }
  }
}
