package org.cxrsearch.onnx.run;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;

/**
 * Opens one ONNX Runtime session in a fresh JVM, for {@link OrtTelemetryTest}: {@code project}
 * goes the way every cxrsearch verb does ({@link SessionFactory#ofLoadedRuntime()}), {@code raw}
 * the plain ONNX Runtime way (the control).
 */
public final class OrtTelemetryProbe {

  private OrtTelemetryProbe() {}

  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[1]);
    switch (args[0]) {
      case "project" -> SessionFactory.ofLoadedRuntime().open(model, RuntimeOptions.defaults()).session().close();
      case "raw" -> {
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions();
            OrtSession s = OrtEnvironment.getEnvironment().createSession(model.toString(), so)) {
          s.getInputNames();
        }
      }
      default -> throw new IllegalArgumentException("mode: project or raw, not " + args[0]);
    }
    System.out.println("session opened");
  }
}
