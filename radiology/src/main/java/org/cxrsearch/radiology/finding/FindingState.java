package org.cxrsearch.radiology.finding;

import java.util.Objects;

/**
 * What a whole report says about one finding.
 *
 * @param status {@link Status#PRESENT} if any observed mention affirms it, else uncertain, else absent
 * @param laterality sides of the mentions that decided the status, merged; {@code null} if none stated
 * @param location the first stated location of those mentions, or {@code null}
 * @param change the first stated change of those mentions, or {@code null}
 * @param mentions how many mentions in observation sections (findings, impression, headerless text)
 */
public record FindingState(Status status, Laterality laterality, String location, Change change, int mentions) {
  public FindingState {
    Objects.requireNonNull(status, "status");
  }
}
