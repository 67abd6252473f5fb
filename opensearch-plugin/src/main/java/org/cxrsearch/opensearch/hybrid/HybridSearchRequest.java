package org.cxrsearch.opensearch.hybrid;

import java.io.IOException;
import org.cxrsearch.lucene.fuse.ReciprocalRankFusion;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.lucene.search.SearchRequest;
import org.cxrsearch.opensearch.query.CxrKnnQueryBuilder;
import org.cxrsearch.opensearch.XContentObjects;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.action.IndicesRequest;
import static org.opensearch.action.ValidateActions.addValidationError;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;

/**
 * A hybrid search, with the standalone searcher's defaults ({@link SearchRequest}): k 10, each part
 * contributes its top {@code depth} (100), RRF with k 60, weights 1.
 *
 * <pre>POST /reports/_cxr_hybrid
 * {"query_text": "small left pleural effusion", "bm25_query": "optional Lucene syntax",
 *  "vector_field": "vector", "text_field": "text", "k": 10, "depth": 100, "num_candidates": 0,
 *  "rrf_k": 60, "bm25_weight": 1, "knn_weight": 1, "preset": "similar", "filter": {...}}</pre>
 *
 * The BM25 side searches {@code bm25_query}, or the words of {@code query_text}
 * ({@link Bm25QueryParser#plainText}), as {@code cxrsearch search --mode hybrid} does.
 */
public final class HybridSearchRequest extends ActionRequest implements IndicesRequest.Replaceable {

  private String[] indices;
  final String queryText;
  final String bm25Query;
  final String instruction;
  final String vectorField;
  final String textField;
  final int k;
  final int depth;
  final int numCandidates;
  final int rrfK;
  final double bm25Weight;
  final double knnWeight;
  final QueryBuilder filter;

  public HybridSearchRequest(String[] indices, String queryText, String bm25Query, String instruction, String vectorField,
      String textField, int k, int depth, int numCandidates, int rrfK, double bm25Weight, double knnWeight, QueryBuilder filter) {
    this.indices = indices;
    this.queryText = queryText;
    this.bm25Query = bm25Query != null ? bm25Query : queryText == null ? null : Bm25QueryParser.plainText(queryText);
    this.instruction = instruction == null ? "" : instruction;
    this.vectorField = vectorField;
    this.textField = textField;
    this.k = k;
    this.depth = Math.max(depth, k);
    this.numCandidates = numCandidates;
    this.rrfK = rrfK;
    this.bm25Weight = bm25Weight;
    this.knnWeight = knnWeight;
    this.filter = filter;
  }

  /** A request with the defaults, for {@code queryText}. */
  public static HybridSearchRequest of(String index, String queryText) {
    return new HybridSearchRequest(new String[] {index}, queryText, null, "", ReportFields.VECTOR, ReportFields.TEXT,
        SearchRequest.DEFAULT_K, SearchRequest.DEFAULT_DEPTH, 0, ReciprocalRankFusion.DEFAULT_K, 1, 1, null);
  }

  public HybridSearchRequest(StreamInput in) throws IOException {
    super(in);
    indices = in.readStringArray();
    queryText = in.readString();
    bm25Query = in.readString();
    instruction = in.readString();
    vectorField = in.readString();
    textField = in.readString();
    k = in.readVInt();
    depth = in.readVInt();
    numCandidates = in.readVInt();
    rrfK = in.readVInt();
    bm25Weight = in.readDouble();
    knnWeight = in.readDouble();
    filter = in.readOptionalNamedWriteable(QueryBuilder.class);
  }

  @Override
  public void writeTo(StreamOutput out) throws IOException {
    super.writeTo(out);
    out.writeStringArray(indices);
    out.writeString(queryText);
    out.writeString(bm25Query);
    out.writeString(instruction);
    out.writeString(vectorField);
    out.writeString(textField);
    out.writeVInt(k);
    out.writeVInt(depth);
    out.writeVInt(numCandidates);
    out.writeVInt(rrfK);
    out.writeDouble(bm25Weight);
    out.writeDouble(knnWeight);
    out.writeOptionalNamedWriteable(filter);
  }

  /** Parses the REST body. */
  public static HybridSearchRequest fromXContent(String[] indices, XContentParser parser) throws IOException {
    String queryText = null;
    String bm25Query = null;
    String instruction = null;
    String preset = null;
    String finding = null;
    String vectorField = ReportFields.VECTOR;
    String textField = ReportFields.TEXT;
    int k = SearchRequest.DEFAULT_K;
    int depth = SearchRequest.DEFAULT_DEPTH;
    int numCandidates = 0;
    int rrfK = ReciprocalRankFusion.DEFAULT_K;
    double bm25Weight = 1;
    double knnWeight = 1;
    QueryBuilder filter = null;
    if (parser.currentToken() == null) {
      parser.nextToken();
    }
    for (String key; (key = XContentObjects.nextField(parser)) != null; ) {
      switch (key) {
        case "query_text" -> queryText = parser.text();
        case "bm25_query" -> bm25Query = parser.text();
        case "instruction" -> instruction = parser.text();
        case "preset" -> preset = parser.text();
        case "finding" -> finding = parser.text();
        case "vector_field" -> vectorField = parser.text();
        case "text_field" -> textField = parser.text();
        case "k" -> k = parser.intValue();
        case "depth" -> depth = parser.intValue();
        case "num_candidates" -> numCandidates = parser.intValue();
        case "rrf_k" -> rrfK = parser.intValue();
        case "bm25_weight" -> bm25Weight = parser.doubleValue();
        case "knn_weight" -> knnWeight = parser.doubleValue();
        case "filter" -> filter = AbstractQueryBuilder.parseInnerQueryBuilder(parser);
        default -> throw new ParsingException(parser.getTokenLocation(), "[_cxr_hybrid] unknown parameter [" + key + "]");
      }
    }
    if (queryText == null || queryText.isBlank()) {
      throw new ParsingException(parser.getTokenLocation(), "[_cxr_hybrid] needs a non-blank [query_text]");
    }
    return new HybridSearchRequest(indices, queryText, bm25Query, CxrKnnQueryBuilder.instruction(instruction, preset, finding, queryText),
        vectorField, textField, k, depth, numCandidates, rrfK, bm25Weight, knnWeight, filter);
  }

  @Override
  public ActionRequestValidationException validate() {
    ActionRequestValidationException e = null;
    if (queryText == null || queryText.isBlank()) {
      e = addValidationError("[query_text] is required", e);
    }
    if (k <= 0) {
      e = addValidationError("[k] must be positive: " + k, e);
    }
    if (rrfK < 0) {
      e = addValidationError("[rrf_k] must be >= 0: " + rrfK, e);
    }
    if (!(bm25Weight >= 0) || !(knnWeight >= 0)) {
      e = addValidationError("[bm25_weight] and [knn_weight] must be >= 0", e);
    }
    return e;
  }

  @Override
  public String[] indices() {
    return indices;
  }

  @Override
  public IndicesRequest indices(String... indices) {
    this.indices = indices;
    return this;
  }

  @Override
  public IndicesOptions indicesOptions() {
    return IndicesOptions.strictExpandOpenAndForbidClosed();
  }
}
