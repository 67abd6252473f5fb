package org.cxrsearch.onnx.convert.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * The file beside {@code model.onnx} that holds the weights as ONNX external data: protobuf cannot
 * hold more than 2 GB, and the real model is about 5 GB in float32. Every tensor starts at a
 * multiple of {@value #ALIGNMENT} bytes so that ONNX Runtime can memory-map it.
 */
public final class ExternalDataFile implements AutoCloseable {

  public static final int ALIGNMENT = 4096;

  private final Path path;
  private final FileChannel channel;
  private final LongConsumer progress;
  private long position;

  /**
   * @param path the file to create
   * @param progress receives the number of bytes written by each tensor
   */
  public ExternalDataFile(Path path, LongConsumer progress) {
    this.path = path;
    this.progress = progress;
    try {
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path, e);
    }
  }

  /** The file name, as written into each tensor's {@code location}. */
  public String location() {
    return path.getFileName().toString();
  }

  /** Appends a tensor; returns its offset. */
  public long append(TensorData data) {
    try {
      long pad = (ALIGNMENT - position % ALIGNMENT) % ALIGNMENT;
      if (pad > 0) {
        ByteBuffer zeros = ByteBuffer.allocate((int) pad);
        while (zeros.hasRemaining()) {
          position += channel.write(zeros);
        }
      }
      long offset = position;
      data.writeTo(channel);
      long written = channel.position() - offset;
      if (written != data.byteSize()) {
        throw new IllegalStateException("tensor wrote " + written + " bytes, declared " + data.byteSize());
      }
      position = channel.position();
      progress.accept(written);
      return offset;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      channel.force(true);
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path, e);
    }
  }
}
