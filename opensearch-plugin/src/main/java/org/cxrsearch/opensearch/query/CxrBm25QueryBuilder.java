package org.cxrsearch.opensearch.query;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.cxrsearch.lucene.query.Bm25QueryParser;
import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.cxrsearch.lucene.schema.ReportFields;
import org.cxrsearch.opensearch.XContentObjects;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryShardContext;

/**
 * The {@code cxr_bm25} query: a Lucene-syntax query parsed exactly as {@code cxrsearch search --mode
 * bm25} parses it (lucene-module's {@link Bm25QueryParser}, the {@code cxr_report} analyzer,
 * {@code default_field} {@code text}), so the plugin's BM25 side is the standalone one. The text
 * fields it names must be mapped with {@code "analyzer": "cxr_report"}.
 *
 * <pre>{"cxr_bm25": {"query": "\"pleural effusion\" AND NOT pneumothorax", "default_field": "text"}}</pre>
 *
 * A query that does not parse is a 400 naming the column.
 */
public final class CxrBm25QueryBuilder extends AbstractQueryBuilder<CxrBm25QueryBuilder> {

  public static final String NAME = "cxr_bm25";

  private final String query;
  private final String defaultField;

  public CxrBm25QueryBuilder(String query, String defaultField) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("[" + NAME + "] needs a non-blank [query]");
    }
    this.query = query;
    this.defaultField = defaultField == null ? ReportFields.TEXT : defaultField;
  }

  public CxrBm25QueryBuilder(StreamInput in) throws IOException {
    super(in);
    query = in.readString();
    defaultField = in.readString();
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeString(query);
    out.writeString(defaultField);
  }

  @Override
  protected Query doToQuery(QueryShardContext context) {
    return new Bm25QueryParser(new ReportAnalyzer(), defaultField).parse(query);
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME).field("query", query).field("default_field", defaultField);
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  public static CxrBm25QueryBuilder fromXContent(XContentParser parser) throws IOException {
    String query = null;
    String defaultField = null;
    float boost = DEFAULT_BOOST;
    String queryName = null;
    for (String key; (key = XContentObjects.nextField(parser)) != null; ) {
      switch (key) {
        case "query" -> query = parser.text();
        case "default_field" -> defaultField = parser.text();
        case "boost" -> boost = parser.floatValue();
        case "_name" -> queryName = parser.text();
        default -> throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown parameter [" + key + "]");
      }
    }
    try {
      return new CxrBm25QueryBuilder(query, defaultField).boost(boost).queryName(queryName);
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
    }
  }

  @Override
  protected boolean doEquals(CxrBm25QueryBuilder o) {
    return query.equals(o.query) && defaultField.equals(o.defaultField);
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(query, defaultField);
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
