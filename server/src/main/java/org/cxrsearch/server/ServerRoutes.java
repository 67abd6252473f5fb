package org.cxrsearch.server;

import org.cxrsearch.server.embeddings.EmbeddingLimits;
import org.cxrsearch.server.embeddings.EmbeddingsApi;
import org.cxrsearch.server.es.BulkApi;
import org.cxrsearch.server.es.ClusterApi;
import org.cxrsearch.server.es.CxrApi;
import org.cxrsearch.server.es.DocumentApi;
import org.cxrsearch.server.es.IndicesApi;
import org.cxrsearch.server.es.SearchApi;
import org.cxrsearch.server.http.Routes;
import org.cxrsearch.server.web.WebPage;

/**
 * The one place where every endpoint is routed. Each API registers its routes with one line here.
 *
 * <p>{@code GET /} is shared: Elasticsearch clients get the cluster info JSON; a client whose
 * {@code Accept} header prefers {@code text/html} (a browser) gets the web page once one is
 * registered with {@link Routes#getHtml}. {@code /v1/*} and {@code /embed} belong to the embeddings API.
 */
public final class ServerRoutes {

  private ServerRoutes() {}

  public static Routes build(ServerContext ctx) {
    Routes routes = new Routes();
    new ClusterApi(ctx).register(routes);
    new IndicesApi(ctx).register(routes);
    new DocumentApi(ctx).register(routes);
    new BulkApi(ctx).register(routes);
    new SearchApi(ctx).register(routes);
    new CxrApi(ctx).register(routes);
    EmbeddingsApi.serving(ctx.models(), EmbeddingLimits.defaults()).register(routes);
    new WebPage().register(routes);
    return routes;
  }
}
