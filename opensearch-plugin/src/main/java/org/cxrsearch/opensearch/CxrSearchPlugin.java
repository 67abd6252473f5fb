package org.cxrsearch.opensearch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.cxrsearch.opensearch.codec.CxrCodecService;
import org.cxrsearch.opensearch.hybrid.HybridSearchAction;
import org.cxrsearch.opensearch.hybrid.RestHybridSearchAction;
import org.cxrsearch.opensearch.hybrid.TransportHybridSearchAction;
import org.cxrsearch.opensearch.ingest.CxrEmbedProcessor;
import org.cxrsearch.opensearch.mapper.CxrVectorFieldMapper;
import org.cxrsearch.opensearch.model.NodeModel;
import org.cxrsearch.opensearch.query.CxrBm25QueryBuilder;
import org.cxrsearch.opensearch.query.CxrKnnQueryBuilder;
import org.cxrsearch.opensearch.query.CxrSimilarQueryBuilder;
import org.cxrsearch.opensearch.query.QueryEncoder;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.SetOnce;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.codec.CodecServiceFactory;
import org.opensearch.index.mapper.Mapper;
import org.opensearch.index.mapper.ParametrizedFieldMapper;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.ingest.Processor;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.EnginePlugin;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.MapperPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;
import org.opensearch.repositories.RepositoriesService;
import org.opensearch.rest.RestController;
import org.opensearch.rest.RestHandler;
import org.opensearch.script.ScriptService;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.watcher.ResourceWatcherService;
import org.opensearch.action.ActionRequest;

/**
 * cxrsearch inside OpenSearch. Every piece translates between OpenSearch's extension points and the
 * project's core; the encoding, KNN, BM25 parsing and fusion are lucene-module's and onnx's code:
 *
 * <ul>
 *   <li>{@code cxr_vector} field ({@link CxrVectorFieldMapper}) written by the project's
 *       high-dimension HNSW format through a codec service ({@link CxrCodecService}, per index with
 *       {@code index.cxrsearch.enabled});
 *   <li>{@code cxr_embed} ingest processor ({@link CxrEmbedProcessor});
 *   <li>{@code cxr_knn}, {@code cxr_similar} and {@code cxr_bm25} queries, the {@code cxr_report}
 *       analyzer, and hybrid search fused on global ranks ({@code POST /{index}/_cxr_hybrid}).
 * </ul>
 *
 * The node's model ({@link NodeModel}, setting {@code cxrsearch.model}) is opened once, on first
 * use, and closed with the node.
 */
public final class CxrSearchPlugin extends Plugin implements MapperPlugin, EnginePlugin, IngestPlugin, SearchPlugin, AnalysisPlugin,
    ActionPlugin {

  private final SetOnce<ThreadPool> threadPool = new SetOnce<>();
  private final SetOnce<Path> tmpDir = new SetOnce<>();
  private final NodeModel model;
  private final QueryEncoder encoder;

  public CxrSearchPlugin(Settings settings) {
    // Mappers are registered before the node's services exist: the model opens lazily, once the
    // node's temporary directory (where the default model is extracted) and thread pool are known.
    this.model = new NodeModel(settings, () -> requireSet(tmpDir, "temporary directory"));
    this.encoder = new QueryEncoder(model, () -> requireSet(threadPool, "thread pool").generic());
  }

  private static <T> T requireSet(SetOnce<T> value, String what) {
    T v = value.get();
    if (v == null) {
      throw new IllegalStateException("cxrsearch: the node's " + what + " is not known yet (the plugin's components are not created)");
    }
    return v;
  }

  @Override
  public List<Setting<?>> getSettings() {
    List<Setting<?>> settings = new ArrayList<>(NodeModel.settings());
    settings.add(CxrCodecService.ENABLED);
    return settings;
  }

  @Override
  public Collection<Object> createComponents(Client client, ClusterService clusterService, ThreadPool threadPool,
      ResourceWatcherService resourceWatcherService, ScriptService scriptService, NamedXContentRegistry xContentRegistry,
      Environment environment, NodeEnvironment nodeEnvironment, NamedWriteableRegistry namedWriteableRegistry,
      IndexNameExpressionResolver indexNameExpressionResolver, Supplier<RepositoriesService> repositoriesServiceSupplier) {
    this.threadPool.set(threadPool);
    this.tmpDir.set(environment.tmpDir());
    return List.of(encoder);
  }

  @Override
  public Map<String, Mapper.TypeParser> getMappers() {
    return Map.of(CxrVectorFieldMapper.CONTENT_TYPE, new ParametrizedFieldMapper.TypeParser(
        (name, context) -> new CxrVectorFieldMapper.Builder(name, model, CxrCodecService.ENABLED.get(context.getSettings()))));
  }

  @Override
  public Optional<CodecServiceFactory> getCustomCodecServiceFactory(IndexSettings indexSettings) {
    return CxrCodecService.ENABLED.get(indexSettings.getSettings()) ? Optional.of(CxrCodecService::new) : Optional.empty();
  }

  @Override
  public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
    return Map.of(CxrEmbedProcessor.TYPE, new CxrEmbedProcessor.Factory(model));
  }

  @Override
  public List<QuerySpec<?>> getQueries() {
    return List.of(
        new QuerySpec<>(CxrKnnQueryBuilder.NAME, CxrKnnQueryBuilder::new, p -> CxrKnnQueryBuilder.fromXContent(p, encoder)),
        new QuerySpec<>(CxrSimilarQueryBuilder.NAME, CxrSimilarQueryBuilder::new, CxrSimilarQueryBuilder::fromXContent),
        new QuerySpec<>(CxrBm25QueryBuilder.NAME, CxrBm25QueryBuilder::new, CxrBm25QueryBuilder::fromXContent));
  }

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of(ReportAnalyzerProvider.NAME, ReportAnalyzerProvider::new);
  }

  @Override
  public List<ActionHandler<? extends ActionRequest, ? extends ActionResponse>> getActions() {
    return List.of(new ActionHandler<>(HybridSearchAction.INSTANCE, TransportHybridSearchAction.class));
  }

  @Override
  public List<RestHandler> getRestHandlers(Settings settings, RestController restController, ClusterSettings clusterSettings,
      IndexScopedSettings indexScopedSettings, SettingsFilter settingsFilter, IndexNameExpressionResolver indexNameExpressionResolver,
      Supplier<DiscoveryNodes> nodesInCluster) {
    return List.of(new RestHybridSearchAction());
  }

  @Override
  public void close() {
    model.close();
  }
}
