package org.cxrsearch.onnx.run;

import java.util.Locale;

/**
 * Where the model runs: {@code cpu} (the default), {@code cuda} / {@code cuda:N} (CUDA execution
 * provider, an error when it is missing), or {@code auto} (CUDA when present, else the CPU with a
 * warning).
 *
 * @param kind the requested kind
 * @param index the CUDA device ordinal (0 unless {@code cuda:N})
 */
public record Device(Kind kind, int index) {

  public enum Kind { CPU, CUDA, AUTO }

  public static final Device CPU = new Device(Kind.CPU, 0);
  public static final Device AUTO = new Device(Kind.AUTO, 0);

  public Device {
    if (index < 0) {
      throw new IllegalArgumentException("device index must be >= 0: " + index);
    }
  }

  public static Device cuda(int index) {
    return new Device(Kind.CUDA, index);
  }

  /** Parses {@code cpu}, {@code auto}, {@code cuda} or {@code cuda:N}. */
  public static Device parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("cpu")) {
      return CPU;
    }
    if (s.equals("auto")) {
      return AUTO;
    }
    if (s.equals("cuda") || s.equals("gpu")) {
      return cuda(0);
    }
    if (s.startsWith("cuda:")) {
      try {
        return cuda(Integer.parseInt(s.substring(5)));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException("unknown device '" + spec + "': use cpu, auto, cuda or cuda:N");
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CPU -> "cpu";
      case AUTO -> "auto";
      case CUDA -> "cuda:" + index;
    };
  }
}
