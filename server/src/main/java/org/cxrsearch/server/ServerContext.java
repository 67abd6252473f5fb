package org.cxrsearch.server;

import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.index.Indices;
import org.cxrsearch.server.index.Models;

/**
 * What every endpoint may use: the served indexes, the open models, the HTTP options (limits).
 *
 * @param indices the indexes under the data directory
 * @param models encoders by model spec, the default one for the embeddings API and new indexes
 * @param options bind, keys, limits
 */
public record ServerContext(Indices indices, Models models, ServerOptions options) {}
