package org.cxrsearch.server.embeddings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An HTTP answer of the embeddings API, before any HTTP library sees it.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
public record EmbeddingReply(int status, JsonNode body) {}
