package org.cxrsearch.onnx.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face {@code tokenizer.json} through DJL's Rust bindings, configured as MODEL.md §4 asks:
 * the tokenizer's own post-processor adds the special tokens (BOS for Llama 3, CLS/SEP for BERT),
 * truncation on the right at {@code maxLength} tokens including them, special tokens written inside
 * the text are matched, no padding (batches are padded by {@link org.cxrsearch.onnx.batch.BatchPacker}).
 *
 * <p>Thread-safe: the underlying Rust tokenizer is immutable once built.
 */
public final class ReportTokenizer implements AutoCloseable {

  private final HuggingFaceTokenizer tokenizer;
  private final int maxLength;

  private ReportTokenizer(HuggingFaceTokenizer tokenizer, int maxLength) {
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
  }

  /** Loads {@code tokenizer.json}; makes no network access (DJL telemetry is switched off first). */
  public static ReportTokenizer open(Path tokenizerJson, int maxLength) {
    if (maxLength < 2) {
      throw new IllegalArgumentException("maxLength must be at least 2: " + maxLength);
    }
    DjlTelemetry.disable();
    try {
      return new ReportTokenizer(load(tokenizerJson, maxLength), maxLength);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
    }
  }

  private static HuggingFaceTokenizer load(Path file, int maxLength) throws IOException {
    return HuggingFaceTokenizer.newInstance(file, Map.of(
        "addSpecialTokens", "true",
        "truncation", "true",
        "maxLength", Integer.toString(maxLength),
        "modelMaxLength", Integer.toString(maxLength),
        "padding", "false"));
  }

  public int maxLength() {
    return maxLength;
  }

  /** Ids with special tokens, truncated to {@link #maxLength()}, one row per text. */
  public List<long[]> encode(List<String> texts) {
    return ids(texts, true);
  }

  /**
   * How many tokens each text has alone, without special tokens, capped at {@link #maxLength()}:
   * the {@code n} of MODEL.md §4 step 2.
   */
  public int[] countPlain(List<String> texts) {
    List<long[]> rows = ids(texts, false);
    int[] counts = new int[rows.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = rows.get(i).length;
    }
    return counts;
  }

  /**
   * Token ids only. {@link HuggingFaceTokenizer#batchEncode} would also copy every encoding's token
   * strings, offsets, word ids and masks across JNI, which costs more than the tokenization itself;
   * the binding's own {@link TokenizersLibrary} lets us fetch just the ids. The Rust side
   * parallelises the batch.
   */
  private List<long[]> ids(List<String> texts, boolean addSpecialTokens) {
    if (texts.isEmpty()) {
      return List.of();
    }
    TokenizersLibrary lib = TokenizersLibrary.LIB;
    long[] encodings = lib.batchEncode(tokenizer.getHandle(), texts.toArray(String[]::new), addSpecialTokens);
    List<long[]> out = new ArrayList<>(encodings.length);
    try {
      for (long e : encodings) {
        out.add(lib.getTokenIds(e));
      }
    } finally {
      for (long e : encodings) {
        lib.deleteEncoding(e);
      }
    }
    return out;
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  /** Whether {@link #close()} has released the native tokenizer. */
  public boolean isClosed() {
    return tokenizer.isReleased();
  }
}
