package org.cxrsearch.onnx.convert.safetensors;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A read-only, little-endian, memory-mapped byte range of a file addressed by {@code long}
 * offsets. A {@link MappedByteBuffer} holds at most 2 GB, so the range is mapped as 1 GiB windows
 * that overlap by 8 bytes: any value of up to 8 bytes lies wholly inside the window its first byte
 * falls in.
 */
public final class MappedRegion {

  private static final long WINDOW = 1L << 30;
  private static final int OVERLAP = 8;

  private final MappedByteBuffer[] windows;
  private final long size;

  /** Maps {@code [offset, offset + size)} of {@code channel}. */
  public MappedRegion(FileChannel channel, long offset, long size) throws IOException {
    this.size = size;
    int n = (int) Math.max(1, (size + WINDOW - 1) / WINDOW);
    windows = new MappedByteBuffer[n];
    for (int i = 0; i < n; i++) {
      long start = i * WINDOW;
      long len = Math.min(WINDOW + OVERLAP, size - start);
      windows[i] = channel.map(FileChannel.MapMode.READ_ONLY, offset + start, Math.max(0, len));
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

  /** Copies {@code [at, at + len)} (len below 2 GB) into a new array. */
  public byte[] bytes(long at, int len) {
    byte[] out = new byte[len];
    for (int i = 0; i < len; i++) {
      out[i] = windows[(int) ((at + i) / WINDOW)].get((int) ((at + i) % WINDOW));
    }
    return out;
  }
}
