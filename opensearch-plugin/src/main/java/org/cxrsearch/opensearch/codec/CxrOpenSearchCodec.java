package org.cxrsearch.opensearch.codec;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.cxrsearch.opensearch.mapper.CxrVectorFieldMapper.CxrVectorFieldType;
import org.opensearch.index.mapper.MapperService;

/**
 * OpenSearch's codec for an index, with the vectors format chosen per field from the mapping: a
 * {@code cxr_vector} field gets the {@link org.cxrsearch.lucene.codec.HighDimHnswVectorsFormat} of
 * its quantization and HNSW parameters, any other vector field Lucene's default.
 *
 * <p>Segments record {@value #NAME} as their codec and each field's vectors format by SPI name, so
 * the no-argument instance that Lucene's SPI builds when reading (registered in
 * {@code META-INF/services/org.apache.lucene.codecs.Codec}) reads every segment without a mapping.
 */
public final class CxrOpenSearchCodec extends FilterCodec {

  public static final String NAME = "CxrSearchOpenSearch104";

  private final KnnVectorsFormat vectors;

  /** For SPI (reading). */
  public CxrOpenSearchCodec() {
    super(NAME, new Lucene104Codec());
    this.vectors = delegate.knnVectorsFormat();
  }

  CxrOpenSearchCodec(Codec delegate, MapperService mapperService) {
    super(NAME, delegate);
    KnnVectorsFormat fallback = delegate.knnVectorsFormat();
    this.vectors = new PerFieldKnnVectorsFormat() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        if (mapperService.fieldType(field) instanceof CxrVectorFieldType type) {
          return type.vectorsFormat();
        }
        return fallback instanceof PerFieldKnnVectorsFormat perField ? perField.getKnnVectorsFormatForField(field) : fallback;
      }
    };
  }

  @Override
  public KnnVectorsFormat knnVectorsFormat() {
    return vectors;
  }
}
