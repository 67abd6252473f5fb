package org.cxrsearch.lucene.fuse;

/**
 * How one part contributed to a fused hit.
 *
 * @param part the part's name
 * @param score the part's own score for the document
 * @param rank 1-based rank of the document in the part
 * @param contribution what the part added to the fused score (weight included)
 */
public record PartScore(String part, double score, int rank, double contribution) {}
