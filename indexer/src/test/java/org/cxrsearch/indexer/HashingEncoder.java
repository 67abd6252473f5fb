package org.cxrsearch.indexer;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.InstructionFormat;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.onnx.tokenize.SeparatedText;

/**
 * A deterministic stand-in for the model, for tests where the encoder is not the point: a hashed
 * bag of lower-cased words (plus a constant component so no vector is zero), pooled over the part
 * after the separator as the real encoder does. Texts sharing words get similar vectors.
 */
public final class HashingEncoder implements TextEncoder {

  public static final int DIMS = 32;

  private final EncoderInfo info;
  private final long delayMillisPerCall;
  private final AtomicInteger calls = new AtomicInteger();

  public HashingEncoder() {
    this("hashing-v1", 0);
  }

  /**
   * @param fingerprint the model identity recorded in the index
   * @param delayMillisPerCall sleeps this long per encode call, to make a run slow enough to kill
   */
  public HashingEncoder(String fingerprint, long delayMillisPerCall) {
    this.info = new EncoderInfo("hashing", ModelFamily.SENTENCE_TRANSFORMER, DIMS, fingerprint, InstructionFormat.LLM2VEC);
    this.delayMillisPerCall = delayMillisPerCall;
  }

  @Override
  public EncoderInfo info() {
    return info;
  }

  public int calls() {
    return calls.get();
  }

  @Override
  public float[][] encodeText(List<String> texts) {
    return embedAll(texts);
  }

  @Override
  public float[][] encodeWithInstruction(List<String> texts) {
    return embedAll(texts.stream().map(t -> SeparatedText.split(t, info.instructionFormat().separator()).pooledPart()).toList());
  }

  private float[][] embedAll(List<String> texts) {
    calls.incrementAndGet();
    if (delayMillisPerCall > 0) {
      try {
        Thread.sleep(delayMillisPerCall);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = embed(texts.get(i));
    }
    return out;
  }

  public static float[] embed(String text) {
    float[] v = new float[DIMS];
    v[0] = 0.5f;
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!word.isEmpty()) {
        v[1 + Math.floorMod(word.hashCode(), DIMS - 1)] += 1f;
      }
    }
    return v;
  }

  @Override
  public void close() {}
}
