package org.cxrsearch.cli.bench;

import java.util.List;
import java.util.Map;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.onnx.tokenize.SeparatedText;

/**
 * An encoder that looks vectors up instead of computing them, so a benchmark measures the indexer
 * and not the model. Texts go through the same separator handling as the real encoder.
 */
final class PrecomputedEncoder implements TextEncoder {

  private final EncoderInfo info;
  private final Map<String, float[]> vectors;

  /** @param vectors report text to its (unit) vector */
  PrecomputedEncoder(EncoderInfo info, Map<String, float[]> vectors) {
    this.info = info;
    this.vectors = vectors;
  }

  @Override
  public EncoderInfo info() {
    return info;
  }

  @Override
  public float[][] encodeText(List<String> texts) {
    return texts.stream().map(this::lookup).toArray(float[][]::new);
  }

  @Override
  public float[][] encodeWithInstruction(List<String> texts) {
    return texts.stream().map(t -> lookup(SeparatedText.split(t, info.instructionFormat().separator()).pooledPart())).toArray(float[][]::new);
  }

  private float[] lookup(String text) {
    float[] v = vectors.get(text);
    if (v == null) {
      throw new IllegalArgumentException("no precomputed vector for a text of " + text.length() + " chars");
    }
    return v;
  }

  @Override
  public void close() {}
}
