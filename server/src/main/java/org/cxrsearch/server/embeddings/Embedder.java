package org.cxrsearch.server.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cxrsearch.onnx.encode.InstructionFormat;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.onnx.tokenize.TokenizedText;

/**
 * One served model: runs an {@link EmbeddingTask} on an encoder the server owns.
 *
 * <p>Each text becomes {@code instruction + separator + text} ({@link InstructionFormat#apply}),
 * which is what {@code encodeQuery(instruction, text)} feeds the model and, with an empty
 * instruction, what {@code encodeDocuments} feeds it. The texts are tokenized once: the rows give
 * the token count for {@code usage} and show truncation, then go to
 * {@link OnnxEncoder#encodeTokenized}, so a vector here is the encoder's vector for the same mode
 * and instruction. Thread-safe (the encoder is); closing the encoder is its owner's business.
 */
public final class Embedder {

  private final String name;
  private final OnnxEncoder encoder;

  /**
   * @param name the model name clients send (OpenAI's {@code model})
   * @param encoder the encoder, owned by the caller
   */
  public Embedder(String name, OnnxEncoder encoder) {
    this.name = Objects.requireNonNull(name, "name");
    this.encoder = Objects.requireNonNull(encoder, "encoder");
  }

  public String name() {
    return name;
  }

  public int dimensions() {
    return encoder.info().dimensions();
  }

  /** The most tokens one text is given to the model. */
  public int maxTokens() {
    return encoder.maxLength();
  }

  public EmbeddingResult embed(EmbeddingTask task) {
    if (task.mode() == EmbeddingMode.DOCUMENT && !task.instruction().isEmpty()) {
      // Documents are embedded as the indexer embeds them; an instruction is a query's business.
      throw EmbeddingException.invalid("instruction", "an instruction applies to query mode only; send"
          + " \"input_type\": \"query\" (or the model suffix :query) with it");
    }
    InstructionFormat format = encoder.info().instructionFormat();
    List<String> inputs = new ArrayList<>(task.texts().size());
    for (String text : task.texts()) {
      inputs.add(format.apply(task.instruction(), text));
    }
    List<TokenizedText> rows = encoder.tokenizeWithInstruction(inputs);
    long tokens = 0;
    for (int i = 0; i < rows.size(); i++) {
      int length = rows.get(i).length();
      // The tokenizer cuts at the cap, so a row that reaches it may have lost its tail.
      if (!task.truncate() && length >= encoder.maxLength()) {
        throw new EmbeddingException(EmbeddingException.Kind.TOO_LARGE, "inputs[" + i + "]", "`inputs[" + i
            + "]` must have less than " + encoder.maxLength() + " tokens; send \"truncate\": true to cut it");
      }
      tokens += length;
    }
    float[][] vectors = encoder.encodeTokenized(rows);
    return new EmbeddingResult(task.normalize() ? Vectors.l2Normalized(vectors) : vectors, tokens);
  }
}
