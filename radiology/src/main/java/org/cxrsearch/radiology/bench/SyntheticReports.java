package org.cxrsearch.radiology.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic chest X-ray reports for benchmarks: findings and impression sections assembled from
 * sentence templates written for cxrsearch (affirmed, negated, hedged, lateralised, changed findings,
 * numbered impressions), about the length of a real report (40 to 90 words). Deterministic for a seed.
 */
public final class SyntheticReports {

  private static final List<String> FINDINGS = List.of(
      "pleural effusion", "pneumothorax", "atelectasis", "consolidation", "pulmonary edema", "cardiomegaly",
      "nodule", "airspace disease", "granuloma", "emphysema", "scarring", "hiatal hernia", "rib fracture",
      "interstitial markings", "vascular congestion", "pneumonia", "mass", "scoliosis", "osteophytes");
  private static final List<String> SIDES = List.of("left", "right", "bilateral", "left basilar", "right upper lobe", "lingular");
  private static final List<String> SIZES = List.of("small", "moderate", "large", "tiny", "mild");
  private static final List<String> CHANGES = List.of("new", "increasing", "decreased", "stable", "unchanged");
  private static final List<String> TEMPLATES = List.of(
      "No %1$s.",
      "There is no evidence of %1$s or %5$s.",
      "%3$s %2$s %1$s.",
      "%4$s %3$s %2$s %1$s.",
      "The %1$s on the %2$s has resolved.",
      "%2$s opacity may represent %1$s.",
      "%1$s cannot be excluded.",
      "The heart size is normal.",
      "Heart size is mildly enlarged.",
      "The lungs are clear without focal consolidation, effusion, or pneumothorax.",
      "Low lung volumes with bronchovascular crowding.",
      "Degenerative changes of the thoracic spine.",
      "Right PICC line with tip in the SVC.",
      "The cardiomediastinal silhouette is within normal limits.",
      "No change in the %3$s %2$s %1$s since approx. 2 days ago, d/w Dr. Smith.");

  private final SplittableRandom random;

  public SyntheticReports(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next report. */
  public String next() {
    StringBuilder sb = new StringBuilder("FINDINGS: ");
    int sentences = 4 + random.nextInt(4);
    for (int i = 0; i < sentences; i++) {
      sb.append(capitalize(sentence())).append(' ');
    }
    sb.append("\nIMPRESSION: ");
    int items = 1 + random.nextInt(3);
    for (int i = 1; i <= items; i++) {
      sb.append(i).append(". ").append(capitalize(sentence())).append(' ');
    }
    return sb.toString().trim();
  }

  private String sentence() {
    String t = pick(TEMPLATES);
    return String.format(t, pick(FINDINGS), pick(SIDES), pick(SIZES), pick(CHANGES), pick(FINDINGS));
  }

  private String pick(List<String> l) {
    return l.get(random.nextInt(l.size()));
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
