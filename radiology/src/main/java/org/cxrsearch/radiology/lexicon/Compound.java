package org.cxrsearch.radiology.lexicon;

import org.cxrsearch.radiology.finding.Status;

/**
 * A finding named by two groups of words together in one clause: an anchor ("heart size", "lung
 * volumes", "costophrenic angle") and a modifier ("enlarged", "low", "blunted"), in either order. A
 * forced status makes statements of normality negative evidence ("heart size is normal" says there is
 * no cardiomegaly), the way CheXpert's mention list pairs "heart size" with its normal patterns.
 *
 * @param finding the finding key
 * @param anchor the anchor group
 * @param modifier the modifier group
 * @param forced the status when the rule fires, or {@code null} to decide it from context triggers
 */
public record Compound(String finding, String anchor, String modifier, Status forced) {}
