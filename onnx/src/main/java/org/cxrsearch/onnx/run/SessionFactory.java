package org.cxrsearch.onnx.run;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.cxrsearch.onnx.bundle.ModelLoadException;

/**
 * Opens ONNX Runtime sessions on the requested {@link Device}.
 *
 * <p>CUDA follows ONNX Runtime's Java documentation: the {@code onnxruntime_gpu} artifact (Maven
 * profile {@code -Pgpu}) with CUDA 12 and cuDNN 9 installed, then
 * {@code SessionOptions.addCUDA(deviceId)}. Selection:
 * <ul>
 *   <li>{@code cpu}: the CPU provider, nothing else tried.
 *   <li>{@code cuda[:N]}: CUDA or an error that says what is missing; never a silent CPU run.
 *   <li>{@code auto}: CUDA when the provider is compiled in and initialises; otherwise the CPU, with a
 *       warning written once per factory.
 * </ul>
 */
public final class SessionFactory {

  private final OrtEnvironment env;
  private final ExecutionProviders providers;
  private final Consumer<String> warnings;
  private final AtomicBoolean fallbackWarned = new AtomicBoolean();

  public SessionFactory(OrtEnvironment env, ExecutionProviders providers, Consumer<String> warnings) {
    this.env = env;
    this.providers = providers;
    this.warnings = warnings;
  }

  /** The loaded ONNX Runtime, its telemetry off ({@link OrtTelemetry}); warnings go to the platform logger. */
  public static SessionFactory ofLoadedRuntime() {
    System.Logger log = System.getLogger(SessionFactory.class.getName());
    OrtEnvironment env = OrtTelemetry.environment(); // first: before anything loads the native library
    return new SessionFactory(env, ExecutionProviders.ofLoadedRuntime(),
        msg -> log.log(System.Logger.Level.WARNING, msg));
  }

  public OrtEnvironment environment() {
    return env;
  }

  /** A session and the device it really runs on. */
  public record OpenedSession(OrtSession session, Device device) {}

  public OpenedSession open(Path model, RuntimeOptions options) {
    try (SessionOptions so = baseOptions(options)) {
      Device used = selectDevice(so, options.device());
      return new OpenedSession(env.createSession(model.toString(), so), used);
    } catch (OrtException e) {
      throw new ModelLoadException("ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
    }
  }

  /**
   * Adds the execution provider for {@code requested} to {@code so} and returns the device the
   * session will run on.
   */
  Device selectDevice(SessionOptions so, Device requested) {
    switch (requested.kind()) {
      case CPU:
        return Device.CPU;
      case CUDA:
        if (!providers.cudaCompiledIn()) {
          throw new ModelLoadException("device " + requested + " was requested, but this ONNX Runtime build has no CUDA"
              + " execution provider: build with -Pgpu (artifact onnxruntime_gpu) on a host with CUDA 12 and cuDNN 9,"
              + " or use --device cpu");
        }
        try {
          providers.addCuda(so, requested.index());
          return requested;
        } catch (OrtException e) {
          throw new ModelLoadException("device " + requested + " was requested, but CUDA could not be initialised: "
              + e.getMessage() + " (needs CUDA 12, cuDNN 9 and a visible GPU " + requested.index() + ")", e);
        }
      case AUTO:
      default:
        if (!providers.cudaCompiledIn()) {
          warnFallback("device auto: this ONNX Runtime build has no CUDA execution provider; running on the CPU");
          return Device.CPU;
        }
        try {
          providers.addCuda(so, requested.index());
          return Device.cuda(requested.index());
        } catch (OrtException e) {
          warnFallback("device auto: CUDA could not be initialised (" + e.getMessage() + "); running on the CPU");
          return Device.CPU;
        }
    }
  }

  private void warnFallback(String message) {
    if (fallbackWarned.compareAndSet(false, true)) {
      warnings.accept(message);
    }
  }

  private static SessionOptions baseOptions(RuntimeOptions options) throws OrtException {
    SessionOptions so = new SessionOptions();
    so.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
    so.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
    so.setIntraOpNumThreads(options.effectiveIntraOpThreads());
    so.setInterOpNumThreads(options.interOpThreads());
    so.setCPUArenaAllocator(options.cpuArena());
    // Shapes change with every batch, so pre-planned memory patterns would never be reused.
    so.setMemoryPatternOptimization(false);
    return so;
  }
}
