package org.cxrsearch.onnx.tokenize;

/**
 * DJL "calls home" (EC2 metadata, an S3 telemetry URL) the first time a tokenizer is created,
 * unless offline mode or tracking opt-out is set. Medical software must make no such call, so
 * cxrsearch sets both switches in code before touching DJL, whatever the environment says.
 *
 * <p>This is the one place library code sets system properties, because DJL 0.38 offers no other
 * switch: {@code ai.djl.util.Ec2Utils.callHome} reads {@code OPT_OUT_TRACKING} and {@code
 * Utils.isOfflineMode} reads {@code ai.djl.offline}, each from the environment or a system
 * property only ({@code Utils.getEnvOrSystemProperty}); there is no setter or configuration object.
 */
final class DjlTelemetry {

  private DjlTelemetry() {}

  /** Idempotent; must run before the first DJL tokenizer is created. */
  static void disable() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("DJL_OFFLINE", "true");
  }
}
