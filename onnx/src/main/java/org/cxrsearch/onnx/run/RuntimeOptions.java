package org.cxrsearch.onnx.run;

/**
 * ONNX Runtime session settings.
 *
 * @param device where to run
 * @param intraOpThreads threads inside one operator (0: one per available core)
 * @param interOpThreads threads across independent operators; 1, since the graph is a chain
 * @param cpuArena keep ONNX Runtime's CPU memory arena: batches of varying shape reuse its blocks
 *     instead of going back to malloc (costs memory held at the peak batch size)
 */
public record RuntimeOptions(Device device, int intraOpThreads, int interOpThreads, boolean cpuArena) {

  public RuntimeOptions {
    if (intraOpThreads < 0 || interOpThreads < 1) {
      throw new IllegalArgumentException("threads: intra-op >= 0, inter-op >= 1 (got " + intraOpThreads + ", " + interOpThreads + ")");
    }
  }

  public static RuntimeOptions defaults() {
    return new RuntimeOptions(Device.CPU, 0, 1, true);
  }

  public RuntimeOptions withDevice(Device d) {
    return new RuntimeOptions(d, intraOpThreads, interOpThreads, cpuArena);
  }

  public RuntimeOptions withIntraOpThreads(int n) {
    return new RuntimeOptions(device, n, interOpThreads, cpuArena);
  }

  /** The intra-op thread count actually used. */
  public int effectiveIntraOpThreads() {
    return intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors();
  }
}
