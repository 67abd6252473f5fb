package org.cxrsearch.onnx.convert.graph;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.cxrsearch.onnx.convert.safetensors.Checkpoint;
import org.cxrsearch.onnx.convert.safetensors.TensorInfo;

/**
 * A checkpoint tensor copied unchanged in layout, streamed in chunks from the memory-mapped file and
 * encoded as float32 or float16 on the way: for the embedding table (1 GB in float32), which must
 * not be materialised on the heap.
 */
public record CheckpointTensorData(Checkpoint checkpoint, String name, DataType type) implements TensorData {

  private static final int CHUNK = 1 << 18;

  @Override
  public long[] dims() {
    return checkpoint.info(name).shape();
  }

  @Override
  public long byteSize() {
    return checkpoint.info(name).elements() * (type == DataType.FLOAT ? 4 : 2);
  }

  @Override
  public void writeTo(WritableByteChannel out) throws IOException {
    TensorInfo info = checkpoint.info(name);
    float[] chunk = new float[CHUNK];
    ByteBuffer buf = TensorData.stagingBuffer();
    for (long first = 0; first < info.elements(); first += CHUNK) {
      int n = (int) Math.min(CHUNK, info.elements() - first);
      checkpoint.read(name, first, chunk, 0, n);
      for (int i = 0; i < n; i++) {
        if (buf.remaining() < 4) {
          TensorData.drain(buf, out);
        }
        if (type == DataType.FLOAT) {
          buf.putFloat(chunk[i]);
        } else {
          buf.putShort(Float.floatToFloat16(chunk[i]));
        }
      }
    }
    TensorData.drain(buf, out);
  }
}
