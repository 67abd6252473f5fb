package org.cxrsearch.onnx.convert.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A read-only, little-endian, memory-mapped byte range of a file addressed by {@code long}
 * offsets. A {@link ByteBuffer} holds at most 2 GB, so the range is mapped as 1 GiB windows
 * that overlap by 8 bytes: any value of up to 8 bytes lies wholly inside the window its first byte
 * falls in. The windows belong to a {@link FileMappings}, which unmaps them when it is closed.
 */
public final class MappedRegion {

  private static final long WINDOW = 1L << 30;
  private static final int OVERLAP = 8;

  private final ByteBuffer[] windows;
  private final long size;

  /** Maps {@code [offset, offset + size)} of {@code channel} into {@code mappings}. */
  MappedRegion(FileMappings mappings, FileChannel channel, long offset, long size) throws IOException {
    this.size = size;
    int n = (int) Math.max(1, (size + WINDOW - 1) / WINDOW);
    windows = new ByteBuffer[n];
    for (int i = 0; i < n; i++) {
      long start = i * WINDOW;
      long len = Math.min(WINDOW + OVERLAP, size - start);
      windows[i] = mappings.map(channel, offset + start, Math.max(0, len));
      windows[i].order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  public long size() {
    return size;
  }

  public short getShort(long at) {
    return windows[(int) (at / WINDOW)].getShort((int) (at % WINDOW));
  }

  public float getFloat(long at) {
    return windows[(int) (at / WINDOW)].getFloat((int) (at % WINDOW));
  }

  public long getLong(long at) {
    return windows[(int) (at / WINDOW)].getLong((int) (at % WINDOW));
  }
}
