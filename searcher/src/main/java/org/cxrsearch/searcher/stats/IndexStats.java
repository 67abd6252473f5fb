package org.cxrsearch.searcher.stats;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.ReportIndex;

/**
 * What an index holds and how it was built.
 *
 * @param documents live reports
 * @param deleted deleted reports not yet merged away
 * @param segments Lucene segments (each has its own HNSW graph to search)
 * @param sizeBytes bytes of the last commit's files
 * @param metadata the model, instruction and quantization recorded in the index
 */
public record IndexStats(int documents, int deleted, int segments, long sizeBytes, IndexMetadata metadata) {

  public static IndexStats of(ReportIndex index) throws IOException {
    return index.withSearcher(s -> {
      var reader = s.getIndexReader();
      return new IndexStats(reader.numDocs(), reader.numDeletedDocs(), reader.leaves().size(), index.sizeOnDisk(), index.metadata());
    });
  }

  /** The JSON shape of {@code cxrsearch stats --json}. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("documents", documents);
    m.put("model", metadata.encoder().name());
    m.put("dimensions", metadata.dimensions());
    m.put("family", metadata.encoder().family().id());
    m.put("fingerprint", metadata.encoder().fingerprint());
    m.put("model_source", metadata.modelSource());
    m.put("document_instruction", metadata.documentInstruction());
    m.put("quantization", metadata.quantization().name().toLowerCase(java.util.Locale.ROOT));
    m.put("deleted", deleted);
    m.put("segments", segments);
    m.put("size_bytes", sizeBytes);
    return m;
  }
}
