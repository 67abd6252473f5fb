package org.cxrsearch.opensearch.query;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.cxrsearch.opensearch.XContentObjects;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.common.SetOnce;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.IdsQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryCoordinatorContext;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.fetch.subphase.FetchSourceContext;

/**
 * The {@code cxr_similar} query: the reports nearest to report {@code id} by its stored vector,
 * itself excluded inside the graph walk (as {@code cxrsearch similar} excludes it), so {@code k}
 * neighbours come back.
 *
 * <pre>{"cxr_similar": {"field": "vector", "id": "SYN-007", "k": 5, "filter": {...}}}</pre>
 *
 * <p>While the request is rewritten on the coordinating node, the report's vector is read from its
 * {@code _source} (a get on the searched index; {@code index} names it when the search spans
 * several), and the query becomes a {@code cxr_knn} on that vector.
 */
public final class CxrSimilarQueryBuilder extends AbstractQueryBuilder<CxrSimilarQueryBuilder> {

  public static final String NAME = "cxr_similar";

  private final String field;
  private final String id;
  private final String index;
  private final int k;
  private final int numCandidates;
  private final QueryBuilder filter;

  public CxrSimilarQueryBuilder(String field, String id, String index, int k, int numCandidates, QueryBuilder filter) {
    if (field == null || id == null) {
      throw new IllegalArgumentException("[" + NAME + "] needs [field] and [id]");
    }
    this.field = field;
    this.id = id;
    this.index = index;
    this.k = k;
    this.numCandidates = numCandidates;
    this.filter = filter;
  }

  public CxrSimilarQueryBuilder(StreamInput in) throws IOException {
    super(in);
    field = in.readString();
    id = in.readString();
    index = in.readOptionalString();
    k = in.readVInt();
    numCandidates = in.readVInt();
    filter = in.readOptionalNamedWriteable(QueryBuilder.class);
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeString(field);
    out.writeString(id);
    out.writeOptionalString(index);
    out.writeVInt(k);
    out.writeVInt(numCandidates);
    out.writeOptionalNamedWriteable(filter);
  }

  @Override
  protected QueryBuilder doRewrite(QueryRewriteContext context) {
    String target = index != null ? index : searchedIndex(context);
    SetOnce<float[]> vector = new SetOnce<>();
    context.registerAsyncAction((client, listener) -> client.get(
        new GetRequest(target, id).fetchSourceContext(new FetchSourceContext(true, new String[] {field}, null)),
        ActionListener.wrap(r -> {
          vector.set(storedVector(r, target));
          listener.onResponse(null);
        }, listener::onFailure)));
    return new Pending(this, vector);
  }

  private String searchedIndex(QueryRewriteContext context) {
    QueryCoordinatorContext coordinator = context.convertToCoordinatorContext();
    if (coordinator != null) {
      String[] indices = coordinator.getSearchRequest().indices();
      if (indices.length == 1 && !indices[0].contains("*") && !indices[0].contains(",")) {
        return indices[0];
      }
    }
    QueryShardContext shard = context.convertToShardContext();
    if (shard != null) {
      return shard.index().getName();
    }
    throw new IllegalArgumentException("[" + NAME + "] the search spans several indices: name the report's index in [index]");
  }

  private float[] storedVector(GetResponse r, String target) {
    if (!r.isExists()) {
      throw new IllegalArgumentException("[" + NAME + "] no report with id [" + id + "] in index [" + target + "]");
    }
    Object value = r.getSourceAsMap().get(field);
    if (value instanceof Map<?, ?> embedding) {
      value = embedding.get("vector");
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("[" + NAME + "] report [" + id + "] has no vector in field [" + field + "]");
    }
    float[] v = new float[list.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((Number) list.get(i)).floatValue();
    }
    return v;
  }

  /** The query once the vector is known: a {@code cxr_knn} excluding the report itself. */
  CxrKnnQueryBuilder toKnn(float[] vector) {
    BoolQueryBuilder excluding = new BoolQueryBuilder().mustNot(new IdsQueryBuilder().addIds(id));
    if (filter != null) {
      excluding.filter(filter);
    }
    return new CxrKnnQueryBuilder(field, vector, k, numCandidates, excluding);
  }

  @Override
  protected Query doToQuery(QueryShardContext context) {
    throw new IllegalStateException("[" + NAME + "] reached a shard before its vector was read; the query was not rewritten");
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME).field("field", field).field("id", id);
    if (index != null) {
      builder.field("index", index);
    }
    builder.field("k", k).field("num_candidates", numCandidates);
    if (filter != null) {
      builder.field("filter", filter);
    }
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  public static CxrSimilarQueryBuilder fromXContent(XContentParser parser) throws IOException {
    String field = null;
    String id = null;
    String index = null;
    int k = 10;
    int numCandidates = 0;
    QueryBuilder filter = null;
    for (String key; (key = XContentObjects.nextField(parser)) != null; ) {
      switch (key) {
        case "field" -> field = parser.text();
        case "id" -> id = parser.text();
        case "index" -> index = parser.text();
        case "k" -> k = parser.intValue();
        case "num_candidates" -> numCandidates = parser.intValue();
        case "filter" -> filter = parseInnerQueryBuilder(parser);
        default -> throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown parameter [" + key + "]");
      }
    }
    try {
      return new CxrSimilarQueryBuilder(field, id, index, k, numCandidates, filter);
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
    }
  }

  @Override
  protected boolean doEquals(CxrSimilarQueryBuilder o) {
    return field.equals(o.field) && id.equals(o.id) && Objects.equals(index, o.index) && k == o.k
        && numCandidates == o.numCandidates && Objects.equals(filter, o.filter);
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(field, id, index, k, numCandidates, filter);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }

  /**
   * The similar query while its vector is being read: rewrites to itself until the get answered,
   * then to the {@code cxr_knn}. Lives only on the coordinating node.
   */
  private static final class Pending extends AbstractQueryBuilder<Pending> {
    private final CxrSimilarQueryBuilder query;
    private final SetOnce<float[]> vector;

    Pending(CxrSimilarQueryBuilder query, SetOnce<float[]> vector) {
      this.query = query;
      this.vector = vector;
    }

    @Override
    protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
      float[] v = vector.get();
      return v == null ? this : query.toKnn(v).rewrite(context);
    }

    @Override
    protected void doWriteTo(StreamOutput out) {
      throw new IllegalStateException("[" + NAME + "] is sent before the report's vector was read");
    }

    @Override
    protected void doXContent(XContentBuilder builder, Params params) throws IOException {
      query.doXContent(builder, params);
    }

    @Override
    protected Query doToQuery(QueryShardContext context) {
      throw new IllegalStateException("[" + NAME + "] reached a shard before its vector was read");
    }

    @Override
    protected boolean doEquals(Pending o) {
      return query.equals(o.query);
    }

    @Override
    protected int doHashCode() {
      return query.hashCode();
    }

    @Override
    public String getWriteableName() {
      return NAME;
    }
  }
}
