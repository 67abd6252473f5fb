package org.cxrsearch.opensearch.mapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;
import org.cxrsearch.lucene.codec.HighDimHnswVectorsFormat;
import org.cxrsearch.lucene.codec.HnswParams;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.schema.ReportDocumentMapper;
import org.cxrsearch.opensearch.XContentObjects;
import org.cxrsearch.opensearch.codec.CxrCodecService;
import org.cxrsearch.opensearch.model.NodeModel;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.core.xcontent.XContentParser.Token;
import org.opensearch.index.mapper.FieldMapper;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.MapperParsingException;
import org.opensearch.index.mapper.ParametrizedFieldMapper;
import org.opensearch.index.mapper.ParseContext;
import org.opensearch.index.mapper.SourceValueFetcher;
import org.opensearch.index.mapper.TextSearchInfo;
import org.opensearch.index.mapper.ValueFetcher;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.lookup.SearchLookup;

/**
 * The {@code cxr_vector} field: one unit vector per document in a Lucene HNSW graph with
 * {@code DOT_PRODUCT} similarity, written by the project's {@link HighDimHnswVectorsFormat} (up to
 * {@value HighDimHnswVectorsFormat#MAX_DIMENSIONS} dimensions; see {@link CxrCodecService}).
 *
 * <p>Mapping parameters: {@code dims}, {@code model} (the model whose vectors the field holds,
 * recorded as its fingerprint; defaults to the node's model), {@code quantization}
 * ({@code none | int8 | int4 | 1-bit}), {@code m} and {@code ef_construction} (HNSW). A mapping
 * naming a model this node does not run, or dimensions other than the model's, is refused.
 *
 * <p>Values: a plain array of floats, or the object {@code {"model": fingerprint, "vector": [...]}}
 * that the {@code cxr_embed} processor writes; an object from another model is refused, so the
 * field never mixes two models' vectors. Vectors are stored at unit length (normalised if needed,
 * as {@link ReportDocumentMapper} does for the standalone index).
 */
public final class CxrVectorFieldMapper extends ParametrizedFieldMapper {

  public static final String CONTENT_TYPE = "cxr_vector";

  /** Mapping spellings of {@link VectorQuantization}, in the order the docs list them. */
  private static final Map<String, VectorQuantization> QUANTIZATIONS = Map.of(
      "none", VectorQuantization.FLOAT, "int8", VectorQuantization.INT8, "int4", VectorQuantization.INT4,
      "1-bit", VectorQuantization.BINARY);

  private static CxrVectorFieldMapper toType(FieldMapper in) {
    return (CxrVectorFieldMapper) in;
  }

  /** Builds the mapper from mapping parameters. */
  public static final class Builder extends ParametrizedFieldMapper.Builder {
    private final NodeModel model;
    private final boolean codecEnabled;

    private final Parameter<String> modelParam;
    private final Parameter<Integer> dims;
    private final Parameter<String> quantization =
        Parameter.restrictedStringParam("quantization", false, m -> toType(m).fieldType().quantizationName, "none", "int8", "int4", "1-bit")
            .alwaysSerialize();
    private final Parameter<Integer> m =
        Parameter.intParam("m", false, mapper -> toType(mapper).fieldType().hnsw.maxConn(), HnswParams.DEFAULTS.maxConn());
    private final Parameter<Integer> efConstruction =
        Parameter.intParam("ef_construction", false, mapper -> toType(mapper).fieldType().hnsw.beamWidth(), HnswParams.DEFAULTS.beamWidth());
    private final Parameter<Map<String, String>> meta = Parameter.metaParam();

    public Builder(String name, NodeModel model, boolean codecEnabled) {
      super(name);
      this.model = model;
      this.codecEnabled = codecEnabled;
      this.modelParam = new Parameter<>("model", false, () -> model.info().fingerprint(),
          (n, c, o) -> resolveModel(name, o), mapper -> toType(mapper).fieldType().model).alwaysSerialize();
      this.dims = new Parameter<>("dims", false, () -> model.info().dimensions(),
          (n, c, o) -> parseDims(name, o), mapper -> toType(mapper).fieldType().dims).alwaysSerialize();
      this.dims.setValidator(d -> {
        if (d <= 0 || d > HighDimHnswVectorsFormat.MAX_DIMENSIONS) {
          throw new MapperParsingException("field [" + name + "]: dims must be in [1, " + HighDimHnswVectorsFormat.MAX_DIMENSIONS + "]: " + d);
        }
      });
    }

    /** A mapping names the model by fingerprint, name or {@code default}; it is recorded by fingerprint. */
    private String resolveModel(String field, Object value) {
      String s = String.valueOf(value);
      if (!model.names(s)) {
        throw new MapperParsingException("field [" + field + "]: unknown model [" + s + "]; this node runs model ["
            + model.info().name() + "] (fingerprint " + model.info().fingerprint() + ", node setting "
            + NodeModel.MODEL.getKey() + " = [" + model.spec() + "])");
      }
      return model.info().fingerprint();
    }

    private static int parseDims(String field, Object value) {
      if (value instanceof Number n && n.doubleValue() == n.intValue()) {
        return n.intValue();
      }
      try {
        return Integer.parseInt(String.valueOf(value));
      } catch (NumberFormatException e) {
        throw new MapperParsingException("field [" + field + "]: dims must be an integer: [" + value + "]");
      }
    }

    @Override
    protected List<Parameter<?>> getParameters() {
      return List.of(modelParam, dims, quantization, m, efConstruction, meta);
    }

    @Override
    public CxrVectorFieldMapper build(BuilderContext context) {
      if (!codecEnabled) {
        throw new MapperParsingException("field [" + name + "]: a [" + CONTENT_TYPE + "] field needs the index setting ["
            + CxrCodecService.ENABLED.getKey() + ": true] (it selects the codec that writes vectors over 1024 dimensions)");
      }
      if (modelParam.getValue().equals(model.info().fingerprint()) && dims.getValue() != model.info().dimensions()) {
        throw new MapperParsingException("field [" + name + "]: dimension mismatch: dims is " + dims.getValue() + " but model ["
            + model.info().name() + "] makes " + model.info().dimensions() + "-d vectors");
      }
      HnswParams hnsw;
      try {
        hnsw = new HnswParams(m.getValue(), efConstruction.getValue());
      } catch (IllegalArgumentException e) {
        throw new MapperParsingException("field [" + name + "]: " + e.getMessage(), e);
      }
      CxrVectorFieldType type = new CxrVectorFieldType(buildFullName(context), dims.getValue(), modelParam.getValue(),
          quantization.getValue(), hnsw, meta.getValue());
      return new CxrVectorFieldMapper(name, type, multiFieldsBuilder.build(this, context), copyTo.build(), model, codecEnabled);
    }
  }

  /** The searchable side of the field: what the codec and the queries need to know. */
  public static final class CxrVectorFieldType extends MappedFieldType {
    private final int dims;
    private final String model;
    private final String quantizationName;
    private final HnswParams hnsw;

    CxrVectorFieldType(String name, int dims, String model, String quantization, HnswParams hnsw, Map<String, String> meta) {
      super(name, true, false, false, TextSearchInfo.NONE, meta);
      this.dims = dims;
      this.model = model;
      this.quantizationName = quantization;
      this.hnsw = hnsw;
    }

    public int dims() {
      return dims;
    }

    /** The fingerprint of the model whose vectors the field holds. */
    public String model() {
      return model;
    }

    public VectorQuantization quantization() {
      return QUANTIZATIONS.get(quantizationName);
    }

    public HnswParams hnsw() {
      return hnsw;
    }

    /** The vectors format of this field (the codec asks per field). */
    public HighDimHnswVectorsFormat vectorsFormat() {
      return new HighDimHnswVectorsFormat(quantization(), hnsw);
    }

    @Override
    public String typeName() {
      return CONTENT_TYPE;
    }

    @Override
    public ValueFetcher valueFetcher(QueryShardContext context, SearchLookup searchLookup, String format) {
      return SourceValueFetcher.identity(name(), context, format);
    }

    @Override
    public Query existsQuery(QueryShardContext context) {
      return new FieldExistsQuery(name());
    }

    @Override
    public Query termQuery(Object value, QueryShardContext context) {
      throw new IllegalArgumentException("field [" + name() + "] of type [" + CONTENT_TYPE
          + "] is searched with the [cxr_knn] or [cxr_similar] query, not with term queries");
    }
  }

  private final NodeModel model;
  private final boolean codecEnabled;

  private CxrVectorFieldMapper(String simpleName, CxrVectorFieldType type, MultiFields multiFields, CopyTo copyTo,
      NodeModel model, boolean codecEnabled) {
    super(simpleName, type, multiFields, copyTo);
    this.model = model;
    this.codecEnabled = codecEnabled;
  }

  @Override
  public CxrVectorFieldType fieldType() {
    return (CxrVectorFieldType) super.fieldType();
  }

  @Override
  public ParametrizedFieldMapper.Builder getMergeBuilder() {
    return new Builder(simpleName(), model, codecEnabled).init(this);
  }

  @Override
  public boolean parsesArrayValue() {
    return true;
  }

  @Override
  protected void parseCreateField(ParseContext context) throws IOException {
    XContentParser parser = context.parser();
    float[] vector;
    if (parser.currentToken() == Token.START_OBJECT) {
      vector = parseEmbedding(parser);
    } else if (parser.currentToken() == Token.START_ARRAY) {
      vector = parseArray(parser);
    } else {
      throw new IllegalArgumentException("field [" + name() + "]: expected an array of floats or {\"model\", \"vector\"}, got "
          + parser.currentToken());
    }
    String id = context.sourceToParse().id();
    float[] unit = new ReportDocumentMapper(fieldType().dims).unit(id == null ? "?" : id, vector);
    context.doc().add(new KnnFloatVectorField(fieldType().name(), unit, ReportDocumentMapper.SIMILARITY));
  }

  /** {@code {"model": fingerprint, "vector": [...]}}: refused when the model is not the field's. */
  private float[] parseEmbedding(XContentParser parser) throws IOException {
    String from = null;
    float[] vector = null;
    for (String key; (key = XContentObjects.nextField(parser)) != null; ) {
      switch (key) {
        case "model" -> from = parser.text();
        case "vector" -> vector = parseArray(parser);
        default -> throw new IllegalArgumentException("field [" + name() + "]: unknown key [" + key + "]; expected [model] and [vector]");
      }
    }
    if (vector == null) {
      throw new IllegalArgumentException("field [" + name() + "]: the object has no [vector]");
    }
    if (from != null && !from.equals(fieldType().model)) {
      throw new IllegalArgumentException("field [" + name() + "]: wrong model: the vector was made by model [" + from
          + "] but the field holds vectors of model [" + fieldType().model + "]; vectors of two models are not comparable");
    }
    return vector;
  }

  private float[] parseArray(XContentParser parser) throws IOException {
    return XContentObjects.floatArray(parser, "field [" + name() + "]");
  }

  @Override
  protected String contentType() {
    return CONTENT_TYPE;
  }
}
