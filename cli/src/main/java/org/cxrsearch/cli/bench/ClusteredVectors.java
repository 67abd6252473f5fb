package org.cxrsearch.cli.bench;

import java.util.Random;
import java.util.SplittableRandom;
import org.apache.lucene.util.VectorUtil;

/**
 * A deterministic clustered data set standing in for embedded reports: {@code clusters} random
 * unit centres, each with {@value #SUBSPACE} random directions of its own; a document is its
 * centre, plus a Gaussian mix of those directions (scaled by {@code spread}: real embeddings vary
 * along few directions), plus isotropic Gaussian noise (scaled by {@code noise}), normalised;
 * its text draws words from its cluster's small vocabulary and from a shared one. Queries are fresh
 * points drawn the same way, so they are near, but never equal to, indexed vectors.
 *
 * @param docs number of documents
 * @param dims vector dimension
 * @param clusters number of clusters
 * @param spread expected norm of the in-cluster variation, relative to the unit centre
 * @param noise expected norm of the isotropic noise, relative to the unit centre
 * @param seed everything derives from it
 */
public record ClusteredVectors(int docs, int dims, int clusters, double spread, double noise, long seed) {

  /** Directions of variation a cluster has. */
  public static final int SUBSPACE = 16;

  private static final String[] FINDINGS = {
    "effusion", "pneumothorax", "consolidation", "atelectasis", "cardiomegaly", "edema", "nodule", "opacity",
    "fracture", "emphysema", "granuloma", "hernia", "scoliosis", "calcification", "infiltrate", "mass"
  };
  private static final String[] COMMON = {
    "left", "right", "lung", "small", "mild", "stable", "no", "unchanged", "base", "upper", "lobe", "chest",
    "heart", "size", "normal", "pleural", "bilateral", "silhouette", "interval", "new"
  };

  /** Row {@code c * (SUBSPACE + 1)} is centre {@code c}, the next {@code SUBSPACE} rows its directions. */
  public float[][] centres() {
    Random r = new Random(seed);
    float[][] c = new float[clusters * (SUBSPACE + 1)][];
    for (int i = 0; i < c.length; i++) {
      c[i] = gaussianUnit(r, dims);
    }
    return c;
  }

  public int clusterOf(int doc) {
    return doc % clusters;
  }

  /** Document {@code i}'s vector (stream {@code 1}) or query {@code i}'s (stream {@code 2}). */
  public float[] vector(float[][] centres, int i, int stream) {
    SplittableRandom r = new SplittableRandom(seed * 31 + stream * 1_000_003L + i);
    int base = Math.floorMod(i, clusters) * (SUBSPACE + 1);
    float[] v = centres[base].clone();
    for (int j = 1; j <= SUBSPACE; j++) {
      float g = (float) (spread * gaussian(r) / Math.sqrt(SUBSPACE));
      float[] dir = centres[base + j];
      for (int d = 0; d < dims; d++) {
        v[d] += g * dir[d];
      }
    }
    double sigma = noise / Math.sqrt(dims);
    for (int d = 0; d < dims; d++) {
      v[d] += (float) (sigma * gaussian(r));
    }
    VectorUtil.l2normalize(v);
    return v;
  }

  /** A short report-like text: two words of the cluster's findings and five common words. */
  public String text(int i, int stream) {
    SplittableRandom r = new SplittableRandom(seed * 17 + stream * 7_000_003L + i);
    int cluster = Math.floorMod(i, clusters);
    StringBuilder sb = new StringBuilder();
    sb.append(FINDINGS[cluster % FINDINGS.length]).append(' ').append(FINDINGS[(cluster / FINDINGS.length + cluster) % FINDINGS.length]);
    for (int w = 0; w < 5; w++) {
      sb.append(' ').append(COMMON[r.nextInt(COMMON.length)]);
    }
    sb.append(" c").append(cluster);
    return sb.toString();
  }

  private static float[] gaussianUnit(Random r, int dims) {
    float[] v = new float[dims];
    for (int d = 0; d < dims; d++) {
      v[d] = (float) r.nextGaussian();
    }
    VectorUtil.l2normalize(v);
    return v;
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller; SplittableRandom has no nextGaussian before JDK 17's RandomGenerator default
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
