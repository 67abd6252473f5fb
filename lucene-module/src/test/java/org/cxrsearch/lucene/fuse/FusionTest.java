package org.cxrsearch.lucene.fuse;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fusion arithmetic against values computed by hand (shown in the comments). */
class FusionTest {

  // bm25: doc1 5.0, doc2 3.0, doc3 1.0        knn: doc2 0.9, doc4 0.8, doc1 0.5
  private static RankedList bm25(double w) {
    return new RankedList("bm25", w, List.of(new ScoredDoc(1, 5.0), new ScoredDoc(2, 3.0), new ScoredDoc(3, 1.0)));
  }

  private static RankedList knn(double w) {
    return new RankedList("knn", w, List.of(new ScoredDoc(2, 0.9), new ScoredDoc(4, 0.8), new ScoredDoc(1, 0.5)));
  }

  @Test
  void reciprocalRankFusionWithWeights() {
    List<FusedHit> hits = new ReciprocalRankFusion(60).fuse(List.of(bm25(1), knn(2)), 10);
    // doc2 = 1/62 + 2/61 = 0.0489159; doc1 = 1/61 + 2/63 = 0.0481395; doc4 = 2/62 = 0.0322581; doc3 = 1/63 = 0.0158730
    assertEquals(List.of(2, 1, 4, 3), hits.stream().map(FusedHit::doc).toList());
    assertEquals(0.0489159, hits.get(0).score(), 1e-7);
    assertEquals(0.0481395, hits.get(1).score(), 1e-7);
    assertEquals(0.0322581, hits.get(2).score(), 1e-7);
    assertEquals(0.0158730, hits.get(3).score(), 1e-7);
    PartScore knnOfDoc1 = hits.get(1).part("knn").orElseThrow();
    assertEquals(3, knnOfDoc1.rank());
    assertEquals(0.5, knnOfDoc1.score());
    assertEquals(2.0 / 63, knnOfDoc1.contribution(), 1e-12);
    assertTrue(hits.get(2).part("bm25").isEmpty(), "doc4 came from knn only");
  }

  @Test
  void rrfDefaultKIs60AndTruncatesToK() {
    List<FusedHit> hits = new ReciprocalRankFusion().fuse(List.of(bm25(1), knn(1)), 2);
    // doc1 = 1/61 + 1/63 = 0.0322664; doc2 = 1/62 + 1/61 = 0.0325224
    assertEquals(List.of(2, 1), hits.stream().map(FusedHit::doc).toList());
    assertEquals(0.0325224, hits.get(0).score(), 1e-7);
  }

  @Test
  void linearMinMax() {
    List<FusedHit> hits = new LinearFusion(ScoreNormalization.MIN_MAX).fuse(List.of(bm25(1), knn(1)), 10);
    // bm25 -> doc1 1, doc2 0.5, doc3 0; knn -> doc2 1, doc4 0.75, doc1 0
    // doc2 1.5, doc1 1.0, doc4 0.75, doc3 0
    assertEquals(List.of(2, 1, 4, 3), hits.stream().map(FusedHit::doc).toList());
    assertArrayEquals(new double[] {1.5, 1.0, 0.75, 0.0}, hits.stream().mapToDouble(FusedHit::score).toArray(), 1e-12);
  }

  @Test
  void linearL2WithWeights() {
    List<FusedHit> hits = new LinearFusion(ScoreNormalization.L2).fuse(List.of(bm25(1), knn(0.5)), 10);
    // |bm25| = sqrt(35): doc1 0.8451543, doc2 0.5070926, doc3 0.1690309
    // |knn| = sqrt(1.7): doc2 0.6902685, doc4 0.6135720, doc1 0.3834825; halved by the weight
    // doc1 0.8451543 + 0.1917412 = 1.0368955; doc2 0.5070926 + 0.3451342 = 0.8522268; doc4 0.3067860; doc3 0.1690309
    assertEquals(List.of(1, 2, 4, 3), hits.stream().map(FusedHit::doc).toList());
    assertArrayEquals(new double[] {1.0368955, 0.8522268, 0.3067860, 0.1690309}, hits.stream().mapToDouble(FusedHit::score).toArray(), 1e-6);
  }

  @Test
  void minMaxOfEqualScoresIsOne() {
    assertArrayEquals(new double[] {1, 1}, ScoreNormalization.MIN_MAX.normalize(new double[] {2, 2}));
    assertArrayEquals(new double[] {0, 0}, ScoreNormalization.L2.normalize(new double[] {0, 0}));
  }

  @Test
  void zeroWeightPartAddsNothingButStaysExplained() {
    List<FusedHit> hits = new ReciprocalRankFusion(60).fuse(List.of(bm25(0), knn(1)), 10);
    FusedHit doc3 = hits.stream().filter(h -> h.doc() == 3).findFirst().orElseThrow();
    assertEquals(0.0, doc3.score());
    assertEquals(3, doc3.part("bm25").orElseThrow().rank());
    assertThrows(IllegalArgumentException.class, () -> bm25(-1));
  }
}
