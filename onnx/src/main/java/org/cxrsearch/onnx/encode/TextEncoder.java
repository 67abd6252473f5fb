package org.cxrsearch.onnx.encode;

import java.util.List;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.onnx.tokenize.SeparatedText;

/**
 * Turns texts into embedding vectors: the three entry points of the LLM2Vec4CXR model card
 * ({@code encode_text}, {@code encode_with_instruction}, {@code compute_similarities}), see
 * {@code MODEL.md} §4.
 *
 * <p>Vectors are returned raw, exactly as the model computes them (LLM2Vec4CXR does not normalise);
 * use {@link Vectors#l2Normalized(float[])} for indexing with a dot-product similarity. The i-th
 * result always belongs to the i-th input, whatever batching an implementation does internally.
 *
 * <p>Implementations are thread-safe.
 */
public interface TextEncoder extends AutoCloseable {

  /** What model produced the vectors: family, dimension, fingerprint, separator. */
  EncoderInfo info();

  /** {@code encode_text}: every real token, BOS included, is pooled. */
  float[][] encodeText(List<String> texts);

  /**
   * {@code encode_with_instruction} (the reference's {@code encode_with_separator}): each text is
   * split on the separator, the parts are joined back as the model input, and only the part after
   * the first separator is pooled (the whole text when there is no separator).
   */
  float[][] encodeWithInstruction(List<String> texts);

  /** A query for the given task: {@code instruction + separator + text}, pooled over {@code text}. */
  default float[] encodeQuery(String instruction, String text) {
    return encodeWithInstruction(List.of(info().instructionFormat().apply(instruction, text)))[0];
  }

  /**
   * Documents the way the model was trained on them: {@code separator + text}, so the report is
   * pooled without BOS (MODEL.md §4).
   */
  default float[][] encodeDocuments(List<String> texts) {
    return encodeWithInstruction(texts.stream().map(t -> info().instructionFormat().apply("", t)).toList());
  }

  /**
   * {@code compute_similarities(query, candidates)}: the query and every candidate go through the
   * separator path; the scores are plain cosines of the raw vectors, in candidate order.
   */
  default float[] computeSimilarities(String query, List<String> candidates) {
    var all = new java.util.ArrayList<String>(candidates.size() + 1);
    all.add(query);
    all.addAll(candidates);
    float[][] vectors = encodeWithInstruction(all);
    float[] scores = new float[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = Vectors.cosine(vectors[0], vectors[i + 1]);
    }
    return scores;
  }

  /** Splits a text the way {@link #encodeWithInstruction} does. */
  default SeparatedText split(String text) {
    return SeparatedText.split(text, info().instructionFormat().separator());
  }

  @Override
  void close();
}
