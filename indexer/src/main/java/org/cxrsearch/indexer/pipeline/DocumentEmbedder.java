package org.cxrsearch.indexer.pipeline;

import java.util.List;
import java.util.Objects;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.onnx.encode.TextEncoder;

/**
 * Embeds reports the way an index expects them: {@code instruction + separator + text} with the
 * document instruction the index records, or {@code separator + text} when it has none (the way
 * LLM2Vec4CXR was trained on reports, MODEL.md §4). The encoder sorts the texts by length and cuts
 * them into token-budgeted batches, and returns the vectors in input order. Every writer of an
 * index (the indexing pipeline, the server) embeds through this class, so their vectors agree.
 *
 * @param encoder the index's model
 * @param documentInstruction the index's document instruction, empty for none
 */
public record DocumentEmbedder(TextEncoder encoder, String documentInstruction) {

  public DocumentEmbedder {
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(documentInstruction, "documentInstruction");
  }

  /** One raw vector per report, in order. */
  public float[][] embed(List<ReportDocument> reports) {
    List<String> texts = reports.stream().map(ReportDocument::text).toList();
    if (documentInstruction.isEmpty()) {
      return encoder.encodeDocuments(texts);
    }
    var format = encoder.info().instructionFormat();
    return encoder.encodeWithInstruction(texts.stream().map(t -> format.apply(documentInstruction, t)).toList());
  }
}
