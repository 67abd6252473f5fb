package org.cxrsearch.onnx.convert.graph;

/**
 * The blocks whose operators differ between {@link org.cxrsearch.onnx.convert.GraphStyle#PLAIN} and
 * {@link org.cxrsearch.onnx.convert.GraphStyle#FUSED} graphs: residual add + RMS norm, and
 * rotary self-attention. Everything else (projections, MLP, pooling) is shared by {@link
 * EncoderGraph}.
 */
interface BlockOps {

  /** A normalised activation and the residual stream it was computed from. */
  record Normed(Value normed, Value residual) {}

  /**
   * {@code residual += delta} (when {@code delta} is not null), then {@code rmsnorm(residual,
   * weight)}. RMSNorm: Zhang &amp; Sennrich 2019, "Root Mean Square Layer Normalization",
   * arXiv:1910.07467: {@code w * x / sqrt(mean(x^2) + eps)}, statistics in float32.
   */
  Normed addAndNorm(Value residual, Value delta, Value weight);

  /**
   * Bidirectional grouped-query self-attention (no causal mask; padding keys masked) with RoPE
   * applied to {@code q [B, T, heads*d]} and {@code k [B, T, kvHeads*d]}; {@code q} is already
   * scaled by {@code 1/sqrt(d)}. Returns {@code [B, T, heads*d]}.
   */
  Value selfAttention(Value q, Value k, Value v);
}
