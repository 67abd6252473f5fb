package org.cxrsearch.opensearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cxrsearch.lucene.schema.ReportDocument;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.cxrsearch.opensearch.model.NodeModel;
import org.opensearch.ingest.AbstractBatchingProcessor;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.IngestDocumentWrapper;

/**
 * The {@code cxr_embed} ingest processor: encodes each document's report with the node's model, as
 * the standalone indexer does ({@link TextEncoder#encodeDocuments}: separator + report, so the
 * report is pooled without BOS), and writes {@code {"model": fingerprint, "vector": [...]}} into a
 * {@code cxr_vector} field, whose mapping refuses vectors of another model.
 *
 * <p>The report is {@code field} when the document has it, otherwise {@code findings_field} and
 * {@code impression_field} joined as {@link ReportDocument#joinSections} joins them (and then
 * stored in {@code field}, as the standalone index stores it). A bulk
 * request reaches the processor in sub-batches of {@code batch_size} documents; each sub-batch is
 * one encoder call, which sorts its texts by length and packs them into token-budgeted batches.
 * A document without text fails alone, naming its id and the fields; the others are indexed.
 */
public final class CxrEmbedProcessor extends AbstractBatchingProcessor {

  public static final String TYPE = "cxr_embed";

  /** Documents a sub-batch holds unless the pipeline says otherwise; a few encoder batches' worth. */
  public static final int DEFAULT_BATCH_SIZE = 256;

  private final NodeModel model;
  private final String field;
  private final String findingsField;
  private final String impressionField;
  private final String targetField;

  CxrEmbedProcessor(String tag, String description, int batchSize, NodeModel model, String field, String findingsField,
      String impressionField, String targetField) {
    super(tag, description, batchSize);
    this.model = model;
    this.field = field;
    this.findingsField = findingsField;
    this.impressionField = impressionField;
    this.targetField = targetField;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public IngestDocument execute(IngestDocument document) {
    float[] vector = model.encoder().encodeDocuments(List.of(report(document)))[0];
    write(document, vector);
    return document;
  }

  @Override
  protected void subBatchExecute(List<IngestDocumentWrapper> batch, Consumer<List<IngestDocumentWrapper>> handler) {
    List<IngestDocumentWrapper> ok = new ArrayList<>(batch.size());
    List<String> texts = new ArrayList<>(batch.size());
    for (IngestDocumentWrapper w : batch) {
      try {
        texts.add(report(w.getIngestDocument()));
        ok.add(w);
      } catch (IllegalArgumentException e) {
        w.update(w.getIngestDocument(), e);
      }
    }
    try {
      float[][] vectors = texts.isEmpty() ? new float[0][] : model.encoder().encodeDocuments(texts);
      for (int i = 0; i < ok.size(); i++) {
        write(ok.get(i).getIngestDocument(), vectors[i]);
      }
    } catch (RuntimeException e) {
      for (IngestDocumentWrapper w : ok) {
        w.update(w.getIngestDocument(), e);
      }
    }
    handler.accept(batch);
  }

  private String report(IngestDocument doc) {
    String text = doc.getFieldValue(field, String.class, true);
    if (text != null && !text.isBlank()) {
      return text;
    }
    text = ReportDocument.joinSections(nonBlank(doc, findingsField), nonBlank(doc, impressionField));
    if (text == null) {
      Object id = doc.getSourceAndMetadata().get(IngestDocument.Metadata.ID.getFieldName());
      throw new IllegalArgumentException("[" + TYPE + "] document [" + id + "] has no report text: fields [" + field + "], ["
          + findingsField + "] and [" + impressionField + "] are all missing or blank");
    }
    // As the standalone index does, the joined sections become the report text BM25 searches.
    doc.setFieldValue(field, text);
    return text;
  }

  private static String nonBlank(IngestDocument doc, String f) {
    String s = doc.getFieldValue(f, String.class, true);
    return s == null || s.isBlank() ? null : s;
  }

  private void write(IngestDocument doc, float[] vector) {
    List<Float> values = new ArrayList<>(vector.length);
    for (float f : vector) {
      values.add(f);
    }
    Map<String, Object> value = new HashMap<>();
    value.put("model", model.info().fingerprint());
    value.put("vector", values);
    doc.setFieldValue(targetField, value);
  }

  /** Reads the processor's configuration. */
  public static final class Factory extends AbstractBatchingProcessor.Factory {
    private final NodeModel model;

    public Factory(NodeModel model) {
      super(TYPE);
      this.model = model;
    }

    @Override
    public AbstractBatchingProcessor create(Map<String, org.opensearch.ingest.Processor.Factory> factories, String tag,
        String description, Map<String, Object> config) throws Exception {
      config.putIfAbsent(BATCH_SIZE_FIELD, DEFAULT_BATCH_SIZE);
      return super.create(factories, tag, description, config);
    }

    @Override
    protected AbstractBatchingProcessor newProcessor(String tag, String description, int batchSize, Map<String, Object> config) {
      return new CxrEmbedProcessor(tag, description, batchSize, model,
          ConfigurationUtils.readStringProperty(TYPE, tag, config, "field", "text"),
          ConfigurationUtils.readStringProperty(TYPE, tag, config, "findings_field", "findings"),
          ConfigurationUtils.readStringProperty(TYPE, tag, config, "impression_field", "impression"),
          ConfigurationUtils.readStringProperty(TYPE, tag, config, "target_field", "vector"));
    }
  }
}
