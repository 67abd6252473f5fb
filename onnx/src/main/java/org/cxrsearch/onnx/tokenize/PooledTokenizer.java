package org.cxrsearch.onnx.tokenize;

import java.util.ArrayList;
import java.util.List;
import org.cxrsearch.onnx.encode.InstructionFormat;

/**
 * Tokenizes texts for one of the two model-card APIs and marks the tokens to pool (MODEL.md §4).
 *
 * <ul>
 *   <li>{@link #forText}: {@code encode_text}, every token pooled (BOS included).
 *   <li>{@link #forInstruction}: {@code encode_with_separator}. The text is split on the
 *       separator ({@link SeparatedText}); the model reads the parts joined; {@code n} is the token
 *       count of the pooled part alone, without special tokens, capped at the maximum length; the
 *       last {@code n} tokens of the row are pooled (a positional rule: BPE merges across the join
 *       are deliberately ignored, as in the reference), all of them when {@code n == 0}.
 * </ul>
 *
 * For models that are not instruction-aware ({@code instructionAware == false}) the instruction is
 * dropped: only the pooled part is tokenized, and all of its tokens are pooled.
 */
public final class PooledTokenizer {

  private final ReportTokenizer tokenizer;
  private final InstructionFormat format;
  private final boolean instructionAware;
  private final int specialTokens;

  public PooledTokenizer(ReportTokenizer tokenizer, InstructionFormat format, boolean instructionAware) {
    this.tokenizer = tokenizer;
    this.format = format;
    this.instructionAware = instructionAware;
    // How many special tokens the post-processor adds to one sequence (1 for Llama 3's BOS).
    this.specialTokens = tokenizer.encode(List.of("")).get(0).length - tokenizer.countPlain(List.of(""))[0];
  }

  public List<TokenizedText> forText(List<String> texts) {
    List<long[]> ids = tokenizer.encode(texts);
    List<TokenizedText> out = new ArrayList<>(ids.size());
    for (long[] row : ids) {
      out.add(new TokenizedText(row, 0));
    }
    return out;
  }

  public List<TokenizedText> forInstruction(List<String> texts) {
    List<String> inputs = new ArrayList<>(texts.size());
    List<String> pooled = new ArrayList<>(texts.size());
    for (String text : texts) {
      SeparatedText s = SeparatedText.split(text, format.separator());
      inputs.add(s.modelInput());
      pooled.add(s.pooledPart());
    }
    if (!instructionAware) {
      return forText(pooled);
    }
    List<long[]> ids = tokenizer.encode(inputs);
    int[] n = pooledCounts(inputs, pooled, ids);
    List<TokenizedText> out = new ArrayList<>(ids.size());
    for (int i = 0; i < n.length; i++) {
      long[] row = ids.get(i);
      int poolFrom = n[i] == 0 ? 0 : Math.max(0, row.length - n[i]);
      out.add(new TokenizedText(row, poolFrom));
    }
    return out;
  }

  /**
   * The {@code n} of every text. When the pooled part is the whole model input (a document
   * {@code separator + report}, or a text without separator) and the row was not truncated, its
   * plain token count is the row length minus the special tokens, so the second tokenization is
   * skipped: this is the indexing hot path. Everything else is counted by tokenizing the part.
   */
  private int[] pooledCounts(List<String> inputs, List<String> pooled, List<long[]> ids) {
    int[] n = new int[inputs.size()];
    List<Integer> toCount = new ArrayList<>();
    for (int i = 0; i < n.length; i++) {
      if (inputs.get(i).equals(pooled.get(i)) && ids.get(i).length < tokenizer.maxLength()) {
        n[i] = ids.get(i).length - specialTokens;
      } else {
        toCount.add(i);
      }
    }
    if (!toCount.isEmpty()) {
      int[] counted = tokenizer.countPlain(toCount.stream().map(pooled::get).toList());
      for (int k = 0; k < counted.length; k++) {
        n[toCount.get(k)] = counted[k];
      }
    }
    return n;
  }
}
