package org.cxrsearch.opensearch;

import org.cxrsearch.lucene.schema.ReportAnalyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/** The {@code cxr_report} analyzer: lucene-module's {@link ReportAnalyzer}, so BM25 indexes and parses as the standalone index does. */
final class ReportAnalyzerProvider extends AbstractIndexAnalyzerProvider<ReportAnalyzer> {

  static final String NAME = "cxr_report";

  private final ReportAnalyzer analyzer = new ReportAnalyzer();

  ReportAnalyzerProvider(IndexSettings indexSettings, Environment env, String name, Settings settings) {
    super(indexSettings, name, settings);
  }

  @Override
  public ReportAnalyzer get() {
    return analyzer;
  }
}
