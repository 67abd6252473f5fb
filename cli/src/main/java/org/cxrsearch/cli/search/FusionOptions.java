package org.cxrsearch.cli.search;

import org.cxrsearch.lucene.fuse.Fusion;
import org.cxrsearch.lucene.fuse.LinearFusion;
import org.cxrsearch.lucene.fuse.ReciprocalRankFusion;
import org.cxrsearch.lucene.fuse.ScoreNormalization;
import picocli.CommandLine.Option;

/** How hybrid parts are fused (a picocli mixin). */
public final class FusionOptions {

  /** The fusion methods. */
  public enum Method {
    RRF,
    LINEAR
  }

  @Option(names = "--fusion", paramLabel = "METHOD", defaultValue = "rrf",
      description = "Hybrid fusion: rrf (reciprocal rank fusion, Cormack et al. 2009) or linear (normalised scores)."
          + " Default: ${DEFAULT-VALUE}.")
  Method method;

  @Option(names = "--rrf-k", paramLabel = "K", defaultValue = "" + ReciprocalRankFusion.DEFAULT_K,
      description = "RRF rank constant. Default: ${DEFAULT-VALUE}.")
  int rrfK;

  @Option(names = "--normalization", paramLabel = "NORM", defaultValue = "min_max",
      description = "Linear fusion score normalisation: min_max or l2. Default: ${DEFAULT-VALUE}.")
  ScoreNormalization normalization;

  @Option(names = "--bm25-weight", paramLabel = "W", defaultValue = "1", description = "Weight of BM25 in the fusion. Default: ${DEFAULT-VALUE}.")
  double bm25Weight;

  @Option(names = "--knn-weight", paramLabel = "W", defaultValue = "1", description = "Weight of KNN in the fusion. Default: ${DEFAULT-VALUE}.")
  double knnWeight;

  public Fusion fusion() {
    return switch (method) {
      case RRF -> new ReciprocalRankFusion(rrfK);
      case LINEAR -> new LinearFusion(normalization);
    };
  }

  public double bm25Weight() {
    return bm25Weight;
  }

  public double knnWeight() {
    return knnWeight;
  }
}
