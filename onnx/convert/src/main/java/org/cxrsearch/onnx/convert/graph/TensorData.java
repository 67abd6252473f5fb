package org.cxrsearch.onnx.convert.graph;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;

/**
 * The contents of a constant tensor, written as little-endian raw bytes (ONNX's {@code raw_data}
 * and external-data layout). Implementations stream, so a tensor never has to exist twice in memory.
 */
public interface TensorData {

  DataType type();

  long[] dims();

  /** Size of the raw bytes. */
  long byteSize();

  /** Writes the raw bytes to {@code out}. */
  void writeTo(WritableByteChannel out) throws IOException;

  /** float32 values stored as {@code type} (FLOAT or FLOAT16). */
  static TensorData floats(float[] values, DataType type, long... dims) {
    return new FloatValues(values, type, dims);
  }

  /** Raw bytes of an 8-bit type (UINT8 or INT8). */
  static TensorData bytes(byte[] values, DataType type, long... dims) {
    return new ByteValues(values, type, dims);
  }

  /** int64 values. */
  static TensorData longs(long... values) {
    return new LongValues(values, new long[] {values.length});
  }

  /** An int64 scalar. */
  static TensorData scalar(long value) {
    return new LongValues(new long[] {value}, new long[0]);
  }

  /** Writes {@code buf} (flipped) completely. */
  static void drain(ByteBuffer buf, WritableByteChannel out) throws IOException {
    buf.flip();
    while (buf.hasRemaining()) {
      out.write(buf);
    }
    buf.clear();
  }

  /** A 1 MiB little-endian staging buffer. */
  static ByteBuffer stagingBuffer() {
    return ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** float32 data, encoded as float32 or float16 while writing. */
  record FloatValues(float[] values, DataType type, long[] dims) implements TensorData {
    public FloatValues {
      if (type != DataType.FLOAT && type != DataType.FLOAT16) {
        throw new IllegalArgumentException("float data cannot be stored as " + type);
      }
    }

    @Override
    public long byteSize() {
      return (long) values.length * (type == DataType.FLOAT ? 4 : 2);
    }

    @Override
    public void writeTo(WritableByteChannel out) throws IOException {
      ByteBuffer buf = TensorData.stagingBuffer();
      for (float v : values) {
        if (buf.remaining() < 4) {
          TensorData.drain(buf, out);
        }
        if (type == DataType.FLOAT) {
          buf.putFloat(v);
        } else {
          buf.putShort(Float.floatToFloat16(v));
        }
      }
      TensorData.drain(buf, out);
    }
  }

  /** 8-bit data. */
  record ByteValues(byte[] values, DataType type, long[] dims) implements TensorData {
    @Override
    public long byteSize() {
      return values.length;
    }

    @Override
    public void writeTo(WritableByteChannel out) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(values);
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    }
  }

  /** int64 data. */
  record LongValues(long[] values, long[] dims) implements TensorData {
    @Override
    public DataType type() {
      return DataType.INT64;
    }

    @Override
    public long byteSize() {
      return values.length * 8L;
    }

    @Override
    public void writeTo(WritableByteChannel out) throws IOException {
      ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (long v : values) {
        buf.putLong(v);
      }
      TensorData.drain(buf, out);
    }
  }
}
