package org.cxrsearch.server.index;

import java.util.Objects;
import org.cxrsearch.lucene.codec.HnswParams;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportFields;

/**
 * What a new index is built with (from the create-index request's settings and mappings).
 *
 * @param model the model spec ({@code null}: the server's default model)
 * @param quantization vector storage
 * @param hnsw graph parameters ({@code m}, {@code ef_construction})
 * @param documentInstruction put before the separator of every document, empty for none
 * @param vectorField the name clients use for the vector field ({@code vector} unless the mapping names another)
 * @param dims the vector dimensions the mapping declares (must be the model's), 0 when not declared
 */
public record IndexDefinition(
    String model, VectorQuantization quantization, HnswParams hnsw, String documentInstruction, String vectorField, int dims) {

  public static final IndexDefinition DEFAULTS =
      new IndexDefinition(null, VectorQuantization.FLOAT, HnswParams.DEFAULTS, "", ReportFields.VECTOR, 0);

  public IndexDefinition {
    Objects.requireNonNull(quantization, "quantization");
    Objects.requireNonNull(hnsw, "hnsw");
    Objects.requireNonNull(documentInstruction, "documentInstruction");
    Objects.requireNonNull(vectorField, "vectorField");
  }
}
