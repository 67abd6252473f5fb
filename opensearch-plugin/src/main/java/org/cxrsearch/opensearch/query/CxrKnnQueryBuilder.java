package org.cxrsearch.opensearch.query;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.lucene.search.Query;
import org.cxrsearch.lucene.query.KnnQueryBuilder;
import org.cxrsearch.onnx.pool.Vectors;
import org.cxrsearch.opensearch.mapper.CxrVectorFieldMapper;
import org.cxrsearch.opensearch.mapper.CxrVectorFieldMapper.CxrVectorFieldType;
import org.cxrsearch.searcher.search.InstructionPreset;
import org.cxrsearch.opensearch.XContentObjects;
import org.opensearch.common.SetOnce;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;

/**
 * The {@code cxr_knn} query: the nearest neighbours of a query vector in a {@code cxr_vector} field,
 * with an optional filter applied inside the graph walk (lucene-module's {@link KnnQueryBuilder},
 * exact rescoring on quantized fields).
 *
 * <pre>{"cxr_knn": {"field": "vector", "query_text": "small left effusion", "preset": "similar",
 *              "k": 10, "num_candidates": 0, "filter": {...}}}</pre>
 *
 * <p>{@code query_text} is encoded once per request, on the coordinating node, while the request is
 * rewritten ({@code instruction}, or the {@code preset} with its {@code finding}, comes before the
 * separator, as {@code cxrsearch search} does); the shards receive the vector. {@code vector} gives
 * the vector directly. Each shard returns its {@code num_candidates} nearest ({@code 0}: the
 * standalone searcher's automatic choice, {@code max(k, 100)} times the quantization's oversampling);
 * set the search {@code size} to {@code k}. Scores are Lucene's {@code (1 + cos) / 2}.
 */
public final class CxrKnnQueryBuilder extends AbstractQueryBuilder<CxrKnnQueryBuilder> {

  public static final String NAME = "cxr_knn";

  private final String field;
  private final String queryText;
  private final String instruction;
  private final float[] vector;
  private final int k;
  private final int numCandidates;
  private final QueryBuilder filter;
  /** Encodes {@link #queryText}; present where the query was parsed, never serialized. */
  private final transient QueryEncoder encoder;
  /** Set while the coordinating node encodes {@link #queryText}; never serialized. */
  private final transient Supplier<float[]> pending;

  /** A query by vector. */
  public CxrKnnQueryBuilder(String field, float[] vector, int k, int numCandidates, QueryBuilder filter) {
    this(field, null, null, vector, k, numCandidates, filter, null, null);
  }

  /** A query by text, encoded by {@code encoder} when the request is rewritten. */
  public CxrKnnQueryBuilder(String field, String queryText, String instruction, int k, int numCandidates, QueryBuilder filter,
      QueryEncoder encoder) {
    this(field, queryText, instruction, null, k, numCandidates, filter, encoder, null);
  }

  private CxrKnnQueryBuilder(String field, String queryText, String instruction, float[] vector, int k, int numCandidates,
      QueryBuilder filter, QueryEncoder encoder, Supplier<float[]> pending) {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("[" + NAME + "] needs a [field]");
    }
    if (queryText == null && vector == null) {
      throw new IllegalArgumentException("[" + NAME + "] needs [query_text] or [vector]");
    }
    if (k <= 0) {
      throw new IllegalArgumentException("[" + NAME + "] [k] must be positive: " + k);
    }
    if (numCandidates < 0) {
      throw new IllegalArgumentException("[" + NAME + "] [num_candidates] must be >= 0: " + numCandidates);
    }
    this.field = field;
    this.queryText = queryText;
    this.instruction = instruction == null ? "" : instruction;
    this.vector = vector;
    this.k = k;
    this.numCandidates = numCandidates;
    this.filter = filter;
    this.encoder = encoder;
    this.pending = pending;
  }

  private CxrKnnQueryBuilder withVector(float[] v, QueryBuilder newFilter) {
    return new CxrKnnQueryBuilder(field, queryText, instruction, v, k, numCandidates, newFilter, null, null)
        .boost(boost).queryName(queryName);
  }

  public CxrKnnQueryBuilder(StreamInput in) throws IOException {
    super(in);
    field = in.readString();
    queryText = in.readOptionalString();
    instruction = in.readString();
    vector = in.readBoolean() ? in.readFloatArray() : null;
    k = in.readVInt();
    numCandidates = in.readVInt();
    filter = in.readOptionalNamedWriteable(QueryBuilder.class);
    encoder = null;
    pending = null;
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    if (pending != null) {
      throw new IllegalStateException("[" + NAME + "] is sent before its query text was encoded");
    }
    out.writeString(field);
    out.writeOptionalString(queryText);
    out.writeString(instruction);
    out.writeBoolean(vector != null);
    if (vector != null) {
      out.writeFloatArray(vector);
    }
    out.writeVInt(k);
    out.writeVInt(numCandidates);
    out.writeOptionalNamedWriteable(filter);
  }

  public String field() {
    return field;
  }

  public float[] vector() {
    return vector;
  }

  public int k() {
    return k;
  }

  public QueryBuilder filter() {
    return filter;
  }

  @Override
  protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
    QueryBuilder rewrittenFilter = filter == null ? null : filter.rewrite(context);
    if (pending != null) {
      float[] v = pending.get();
      return v == null ? this : withVector(v, rewrittenFilter);
    }
    if (vector == null) {
      if (encoder == null) {
        throw new IllegalStateException("[" + NAME + "] has a query text but no encoder on this node");
      }
      SetOnce<float[]> encoded = new SetOnce<>();
      context.registerAsyncAction((client, listener) -> encoder.encode(instruction, queryText,
          org.opensearch.core.action.ActionListener.wrap(v -> {
            encoded.set(v);
            listener.onResponse(null);
          }, listener::onFailure)));
      return new CxrKnnQueryBuilder(field, queryText, instruction, null, k, numCandidates, rewrittenFilter, encoder, encoded::get)
          .boost(boost).queryName(queryName);
    }
    return rewrittenFilter == filter ? this : withVector(vector, rewrittenFilter);
  }

  @Override
  protected Query doToQuery(QueryShardContext context) throws IOException {
    if (vector == null) {
      throw new IllegalStateException("[" + NAME + "] reached a shard without its vector; the query was not rewritten");
    }
    CxrVectorFieldType type = vectorField(context, field, NAME);
    if (vector.length != type.dims()) {
      throw new IllegalArgumentException("[" + NAME + "] the query vector has " + vector.length + " dimensions but field ["
          + field + "] has " + type.dims());
    }
    KnnQueryBuilder knn = new KnnQueryBuilder(type.quantization());
    int candidates = numCandidates > 0 ? Math.max(numCandidates, k) : knn.autoCandidates(k);
    Query filterQuery = filter == null ? null : filter.toQuery(context);
    return knn.build(field, Vectors.l2Normalized(vector), candidates, filterQuery);
  }

  /** The {@code cxr_vector} field {@code field}, or a 400 naming the query and the field. */
  static CxrVectorFieldType vectorField(QueryShardContext context, String field, String query) {
    MappedFieldType type = context.fieldMapper(field);
    if (type == null) {
      throw new IllegalArgumentException("[" + query + "] no field [" + field + "] in index [" + context.index().getName() + "]");
    }
    if (!(type instanceof CxrVectorFieldType vectorType)) {
      throw new IllegalArgumentException("[" + query + "] field [" + field + "] is of type [" + type.typeName() + "], not ["
          + CxrVectorFieldMapper.CONTENT_TYPE + "]");
    }
    return vectorType;
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    builder.field("field", field);
    if (queryText != null) {
      builder.field("query_text", queryText);
      builder.field("instruction", instruction);
    }
    if (vector != null) {
      builder.array("vector", vector);
    }
    builder.field("k", k);
    builder.field("num_candidates", numCandidates);
    if (filter != null) {
      builder.field("filter", filter);
    }
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Parses {@code {"cxr_knn": {...}}}; the presets are {@link InstructionPreset}'s. */
  public static CxrKnnQueryBuilder fromXContent(XContentParser parser, QueryEncoder encoder) throws IOException {
    String field = null;
    String queryText = null;
    String instruction = null;
    String preset = null;
    String finding = null;
    float[] vector = null;
    int k = 10;
    int numCandidates = 0;
    QueryBuilder filter = null;
    float boost = DEFAULT_BOOST;
    String queryName = null;
    for (String key; (key = XContentObjects.nextField(parser)) != null; ) {
      switch (key) {
        case "field" -> field = parser.text();
        case "query_text" -> queryText = parser.text();
        case "instruction" -> instruction = parser.text();
        case "preset" -> preset = parser.text();
        case "finding" -> finding = parser.text();
        case "k" -> k = parser.intValue();
        case "num_candidates" -> numCandidates = parser.intValue();
        case "boost" -> boost = parser.floatValue();
        case "_name" -> queryName = parser.text();
        case "filter" -> filter = parseInnerQueryBuilder(parser);
        case "vector" -> vector = XContentObjects.floatArray(parser, "[" + NAME + "] [vector]");
        default -> throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown parameter [" + key + "]");
      }
    }
    try {
      if (queryText != null && vector != null) {
        throw new IllegalArgumentException("[" + NAME + "] needs exactly one of [query_text] and [vector]");
      }
      CxrKnnQueryBuilder q = queryText == null
          ? new CxrKnnQueryBuilder(field, vector, k, numCandidates, filter)
          : new CxrKnnQueryBuilder(field, queryText, instruction(instruction, preset, finding, queryText), k, numCandidates, filter, encoder);
      return q.boost(boost).queryName(queryName);
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
    }
  }

  /** The query instruction: {@code instruction} as given, else the preset's (default {@code similar}). */
  public static String instruction(String instruction, String preset, String finding, String queryText) {
    if (instruction != null) {
      return instruction;
    }
    InstructionPreset p;
    try {
      p = preset == null ? InstructionPreset.SIMILAR : InstructionPreset.valueOf(preset.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("[" + NAME + "] unknown preset [" + preset + "]; known: "
          + Arrays.stream(InstructionPreset.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList(), e);
    }
    return p.instruction(finding != null ? finding : queryText);
  }

  @Override
  protected boolean doEquals(CxrKnnQueryBuilder o) {
    return field.equals(o.field) && Objects.equals(queryText, o.queryText) && instruction.equals(o.instruction)
        && Arrays.equals(vector, o.vector) && k == o.k && numCandidates == o.numCandidates && Objects.equals(filter, o.filter);
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(field, queryText, instruction, Arrays.hashCode(vector), k, numCandidates, filter);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
