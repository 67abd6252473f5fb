package org.cxrsearch.opensearch.hybrid;

import java.io.IOException;
import java.util.List;
import org.opensearch.core.common.Strings;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/** {@code GET|POST /{index}/_cxr_hybrid}: the REST face of {@link HybridSearchAction}. */
public final class RestHybridSearchAction extends BaseRestHandler {

  @Override
  public String getName() {
    return "cxr_hybrid_search";
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route(RestRequest.Method.GET, "/{index}/_cxr_hybrid"), new Route(RestRequest.Method.POST, "/{index}/_cxr_hybrid"));
  }

  @Override
  protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
    String[] indices = Strings.splitStringByCommaToArray(request.param("index"));
    HybridSearchRequest hybrid;
    try (var parser = request.contentParser()) {
      hybrid = HybridSearchRequest.fromXContent(indices, parser);
    }
    return channel -> client.execute(HybridSearchAction.INSTANCE, hybrid, new RestToXContentListener<>(channel));
  }
}
