package org.cxrsearch.onnx.convert;

/**
 * Receives progress of a conversion's long steps. Calls come from the converting thread, in order:
 * {@code begin}, any number of {@code advance}, {@code end}, per step.
 */
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * A step starts.
   *
   * @param step a short description ("writing weights")
   * @param total work units of the step (bytes, tensors), or -1 when unknown
   */
  default void begin(String step, long total) {}

  /** {@code units} more work units of the current step are done. */
  default void advance(long units) {}

  /** The current step is done. */
  default void end() {}
}
