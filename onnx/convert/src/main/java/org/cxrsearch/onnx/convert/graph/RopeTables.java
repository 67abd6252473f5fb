package org.cxrsearch.onnx.convert.graph;

import org.cxrsearch.onnx.convert.checkpoint.LlamaConfig;
import org.cxrsearch.onnx.convert.checkpoint.RopeScaling;

/**
 * Precomputed rotary position embedding tables (RoPE: Su et al. 2021, "RoFormer: Enhanced
 * Transformer with Rotary Position Embedding", arXiv:2104.09864) with Llama 3's frequency scaling,
 * computed in float32 exactly as MODEL.md §2 states so that the graph reproduces the reference:
 *
 * <pre>
 * inv[i] = 1 / theta^(2i / d)                                  i = 0 .. d/2 - 1
 * wavelen = 2 pi / inv[i];  low_wl = orig / low_freq_factor;  high_wl = orig / high_freq_factor
 * inv_l = wavelen &gt; low_wl ? inv[i] / factor : inv[i]
 * s = (orig / wavelen - low_freq_factor) / (high_freq_factor - low_freq_factor)
 * g[i] = high_wl &lt;= wavelen &lt;= low_wl ? (1 - s) inv_l / factor + s inv_l : inv_l
 * angle[p, i] = p * g[i]
 * </pre>
 *
 * @param positions rows of the tables
 * @param half d/2
 * @param cos {@code cos(angle)}, row-major {@code [positions, half]}
 * @param sin {@code sin(angle)}, row-major {@code [positions, half]}
 */
public record RopeTables(int positions, int half, float[] cos, float[] sin) {

  /** Tables for positions {@code 0 .. positions-1} of the config's head dimension. */
  public static RopeTables of(LlamaConfig config, int positions) {
    float[] inv = inverseFrequencies(config);
    int half = inv.length;
    float[] cos = new float[positions * half];
    float[] sin = new float[positions * half];
    for (int p = 0; p < positions; p++) {
      for (int i = 0; i < half; i++) {
        float angle = (float) p * inv[i];
        cos[p * half + i] = (float) Math.cos(angle);
        sin[p * half + i] = (float) Math.sin(angle);
      }
    }
    return new RopeTables(positions, half, cos, sin);
  }

  /** The (scaled) inverse frequencies, float32 arithmetic as in the reference. */
  public static float[] inverseFrequencies(LlamaConfig config) {
    int d = config.headDim();
    float[] inv = new float[d / 2];
    for (int i = 0; i < inv.length; i++) {
      float exponent = (float) (2 * i) / (float) d;
      inv[i] = 1.0f / (float) Math.pow(config.ropeTheta(), exponent);
    }
    if (config.ropeScaling().isEmpty()) {
      return inv;
    }
    RopeScaling s = config.ropeScaling().get();
    float factor = (float) s.factor();
    float lf = (float) s.lowFreqFactor();
    float hf = (float) s.highFreqFactor();
    float orig = (float) s.originalMaxPositions();
    float lowWl = orig / lf;
    float highWl = orig / hf;
    for (int i = 0; i < inv.length; i++) {
      float wavelen = (float) (2 * Math.PI) / inv[i];
      float invL = wavelen > lowWl ? inv[i] / factor : inv[i];
      float smooth = (orig / wavelen - lf) / (hf - lf);
      boolean medium = !(wavelen < highWl) && !(wavelen > lowWl);
      inv[i] = medium ? (1 - smooth) * invL / factor + smooth * invL : invL;
    }
    return inv;
  }

  /** {@code [positions, 2*half]}: the half table repeated, {@code cos(concat(f, f))}. */
  public float[] cosFull() {
    return doubled(cos, false);
  }

  /**
   * {@code [positions, 2*half]}: {@code concat(-sin f, sin f)}, so that {@code rotate_half(u) * sin
   * = concat(u2, u1) * sinSigned} and the plain graph needs no negation.
   */
  public float[] sinSigned() {
    return doubled(sin, true);
  }

  private float[] doubled(float[] t, boolean negateFirst) {
    float[] out = new float[positions * half * 2];
    for (int p = 0; p < positions; p++) {
      for (int i = 0; i < half; i++) {
        float v = t[p * half + i];
        out[p * 2 * half + i] = negateFirst ? -v : v;
        out[p * 2 * half + half + i] = v;
      }
    }
    return out;
  }
}
