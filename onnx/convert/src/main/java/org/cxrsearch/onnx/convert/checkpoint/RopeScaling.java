package org.cxrsearch.onnx.convert.checkpoint;

/**
 * Llama 3's frequency-dependent RoPE scaling ({@code rope_scaling} with {@code rope_type: llama3}).
 *
 * @param factor how much the lowest frequencies are slowed down
 * @param lowFreqFactor wavelengths above {@code original / lowFreqFactor} are scaled by 1/factor
 * @param highFreqFactor wavelengths below {@code original / highFreqFactor} are kept
 * @param originalMaxPositions the context length the model was pre-trained with
 */
public record RopeScaling(double factor, double lowFreqFactor, double highFreqFactor, double originalMaxPositions) {}
