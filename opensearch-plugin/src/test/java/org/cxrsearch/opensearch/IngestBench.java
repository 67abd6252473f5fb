package org.cxrsearch.opensearch;

import com.carrotsearch.randomizedtesting.annotations.TimeoutSuite;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.tests.util.TimeUnits;
import org.cxrsearch.indexer.pipeline.ErrorLog;
import org.cxrsearch.indexer.pipeline.IndexingPipeline;
import org.cxrsearch.indexer.pipeline.IndexingSettings;
import org.cxrsearch.indexer.pipeline.IndexingSummary;
import org.cxrsearch.indexer.progress.ProgressListener;
import org.cxrsearch.indexer.read.JsonLinesReader;
import org.cxrsearch.indexer.read.ReadLimits;
import org.cxrsearch.lucene.codec.VectorQuantization;
import org.cxrsearch.lucene.store.IndexMetadata;
import org.cxrsearch.lucene.store.IndexSettings;
import org.cxrsearch.lucene.store.ReportIndex;
import org.cxrsearch.cli.bench.SyntheticReports;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.bundle.DefaultModel;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.common.bytes.BytesArray;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.test.OpenSearchIntegTestCase.ClusterScope;
import org.opensearch.test.OpenSearchIntegTestCase.Scope;

/**
 * Ingest throughput, side by side in one run: the same synthetic reports
 * ({@link SyntheticReports}, seed 42) indexed by the standalone pipeline ({@code cxrsearch index}:
 * {@link IndexingPipeline} into a {@link ReportIndex}) and through the plugin (bulk requests of
 * {@code bench.bulk} documents into a {@code cxr_embed} pipeline, one node, one shard, no replica),
 * both with the default model and the encoder's default configuration. Not a test: its name keeps
 * it out of Surefire's default run. Run it with
 *
 * <pre>./mvnw -B -pl opensearch-plugin -am -Dtest=IngestBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.reports=20000 test</pre>
 *
 * and read the figures in {@code target/surefire-reports/org.cxrsearch.opensearch.IngestBench-output.txt}.
 */
@ClusterScope(scope = Scope.SUITE, numDataNodes = 1, numClientNodes = 0, supportsDedicatedMasters = false)
@TimeoutSuite(millis = 60 * TimeUnits.MINUTE)
public class IngestBench extends OpenSearchIntegTestCase {

  @Override
  protected Collection<Class<? extends Plugin>> nodePlugins() {
    return List.of(CxrSearchPlugin.class);
  }

  public void testIngestThroughput() throws Exception {
    int n = Integer.getInteger("bench.reports", 2000);
    int bulkSize = Integer.getInteger("bench.bulk", 500);
    Path dir = createTempDir();
    Path input = dir.resolve("reports.jsonl");
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>(n);
    List<String> texts = new SyntheticReports(42).generate(n);
    for (int i = 0; i < n; i++) {
      lines.add(json.writeValueAsString(Map.of("id", "BENCH-" + i, "text", texts.get(i))));
    }
    Files.write(input, lines);

    // Standalone: what `cxrsearch index --model default` runs.
    IndexingSummary standalone;
    try (OnnxEncoder encoder = OnnxEncoder.open(new BundleLoader().load(DefaultModel.extract(dir.resolve("cache"))), EncoderConfig.defaults());
        ReportIndex index = ReportIndex.openForWriting(dir.resolve("index"), new IndexMetadata(encoder.info(), "", VectorQuantization.FLOAT),
            IndexSettings.DEFAULTS);
        ErrorLog errors = new ErrorLog(dir.resolve("errors.jsonl"));
        JsonLinesReader reader = new JsonLinesReader(input, ReadLimits.DEFAULTS)) {
      encoder.encodeDocuments(List.of("warm-up")); // both sides start with a loaded, warmed model
      standalone = new IndexingPipeline(encoder, index, errors, IndexingSettings.DEFAULTS, ProgressListener.NONE).run(reader);
    }
    assertEquals(n, standalone.indexed());

    // Plugin: bulk requests through the cxr_embed pipeline.
    assertTrue(client().admin().cluster().preparePutPipeline("cxr",
        new BytesArray("{\"processors\": [{\"cxr_embed\": {\"target_field\": \"vector\"}}]}"), XContentType.JSON).get().isAcknowledged());
    prepareCreate("bench").setSettings(Settings.builder().put("index.number_of_shards", 1).put("index.number_of_replicas", 0)
        .put("index.cxrsearch.enabled", true).put("index.refresh_interval", "30s"))
        .setMapping("{\"properties\": {\"text\": {\"type\": \"text\", \"analyzer\": \"cxr_report\"}, \"vector\": {\"type\": \"cxr_vector\"}}}").get();
    ensureGreen("bench");
    client().prepareIndex("warmup").setPipeline("cxr").setSource("{\"text\": \"warm-up\"}", XContentType.JSON).get();
    long start = System.nanoTime();
    for (int from = 0; from < n; from += bulkSize) {
      BulkRequestBuilder bulk = client().prepareBulk();
      for (int i = from; i < Math.min(n, from + bulkSize); i++) {
        bulk.add(client().prepareIndex("bench").setId("BENCH-" + i).setPipeline("cxr").setSource(lines.get(i), XContentType.JSON));
      }
      BulkResponse r = bulk.get();
      assertFalse(r.buildFailureMessage(), r.hasFailures());
    }
    client().admin().indices().prepareFlush("bench").get(); // durable, as the standalone run's final commit
    double pluginSeconds = (System.nanoTime() - start) / 1e9;
    refresh("bench");
    assertEquals(n, client().prepareSearch("bench").setSize(0).setTrackTotalHits(true).get().getHits().getTotalHits().value());

    double standaloneRate = standalone.docsPerSecond();
    double pluginRate = n / pluginSeconds;
    String report = String.format(Locale.ROOT,
        "ingest bench: %d synthetic reports, default model (%s)%n"
            + "  cxrsearch index (IndexingPipeline)      %8.1f s  %8.1f reports/s%n"
            + "  OpenSearch plugin (bulk %d, cxr_embed)  %8.1f s  %8.1f reports/s%n"
            + "  plugin / standalone throughput          %8.2f%n",
        n, DefaultModel.NAME, standalone.elapsed().toMillis() / 1e3, standaloneRate, bulkSize, pluginSeconds, pluginRate,
        pluginRate / standaloneRate);
    System.out.print(report);
    logger.info("{}", report);
  }
}
