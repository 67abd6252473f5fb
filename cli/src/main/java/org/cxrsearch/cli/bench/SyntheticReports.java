package org.cxrsearch.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Report-like texts for benchmarks, written from a bank of chest X-ray sentences (the project's
 * own, no patient data). Lengths follow a log-normal distribution fitted to real report statistics
 * (about 60 Llama-3 tokens on average, 99th percentile about 170): median 53 tokens, sigma 0.5.
 * Deterministic for a given seed.
 */
public final class SyntheticReports {

  private static final String[] SENTENCES = {
    "The heart size is within normal limits.",
    "Cardiomediastinal silhouette is stable.",
    "Mild cardiomegaly is unchanged from the prior study.",
    "No focal consolidation, pleural effusion, or pneumothorax.",
    "There is a small left pleural effusion with adjacent basilar atelectasis.",
    "Small bilateral pleural effusions have slightly increased.",
    "Interval decrease in the right pleural effusion.",
    "Patchy opacity in the right lower lobe may represent pneumonia in the appropriate clinical setting.",
    "Lungs are hyperinflated, consistent with COPD.",
    "Pulmonary vascular congestion without frank interstitial edema.",
    "Findings suggest mild CHF.",
    "ETT terminates 4.2 cm above the carina.",
    "Right PICC line tip projects over the cavoatrial junction.",
    "NG tube courses below the diaphragm, tip not visualized.",
    "Median sternotomy wires and mediastinal clips, s/p CABG.",
    "Degenerative changes of the thoracic spine.",
    "No acute osseous abnormality.",
    "Calcified granuloma in the left upper lobe, unchanged.",
    "Left basilar opacity likely reflects atelectasis, though infection cannot be excluded.",
    "No pneumothorax is identified following line placement.",
    "Aortic knob calcification.",
    "Elevation of the right hemidiaphragm is again noted.",
    "Biapical pleural thickening.",
    "Compared with the radiograph from yesterday, there is no significant change.",
    "IMPRESSION: No acute cardiopulmonary process.",
    "IMPRESSION: Small left effusion, slightly worse. Recommend follow-up.",
  };

  private final SplittableRandom random;

  public SyntheticReports(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code n} reports; token lengths are approximated at 1.3 tokens per word while writing. */
  public List<String> generate(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double z = gaussian();
      int targetTokens = (int) Math.round(Math.min(500, 38 * Math.exp(0.5 * z)));
      StringBuilder sb = new StringBuilder("FINDINGS: ");
      int tokens = 3;
      while (tokens < targetTokens) {
        String s = SENTENCES[random.nextInt(SENTENCES.length)];
        sb.append(s).append(' ');
        tokens += (int) Math.round(s.split(" ").length * 1.3);
      }
      out.add(sb.toString().trim());
    }
    return out;
  }

  private double gaussian() {
    // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
