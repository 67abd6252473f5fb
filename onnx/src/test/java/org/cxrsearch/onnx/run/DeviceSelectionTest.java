package org.cxrsearch.onnx.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.util.ArrayList;
import java.util.List;
import org.cxrsearch.onnx.bundle.ModelLoadException;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Device selection and CPU fallback, with a fake provider list: no machine of this project has a
 * CUDA 12 GPU, so the CUDA path itself is exercised only up to {@code addCUDA}.
 */
class DeviceSelectionTest {

  /** A provider list with CUDA compiled in or not, and an addCuda that succeeds or fails. */
  private static final class FakeProviders implements ExecutionProviders {
    final boolean compiledIn;
    final boolean initialises;
    final List<Integer> cudaCalls = new ArrayList<>();

    FakeProviders(boolean compiledIn, boolean initialises) {
      this.compiledIn = compiledIn;
      this.initialises = initialises;
    }

    @Override
    public boolean cudaCompiledIn() {
      return compiledIn;
    }

    @Override
    public void addCuda(SessionOptions options, int index) throws OrtException {
      cudaCalls.add(index);
      if (!initialises) {
        throw new OrtException("CUDA failure 35: CUDA driver version is insufficient");
      }
    }
  }

  private final List<String> warnings = new ArrayList<>();

  private SessionFactory factory(FakeProviders p) {
    return new SessionFactory(OrtTelemetry.environment(), p, warnings::add);
  }

  private Device select(SessionFactory f, String device) throws OrtException {
    try (SessionOptions so = new SessionOptions()) {
      return f.selectDevice(so, Device.parse(device));
    }
  }

  @Test
  void cpuNeverTouchesCuda() throws OrtException {
    FakeProviders p = new FakeProviders(true, true);
    assertEquals(Device.CPU, select(factory(p), "cpu"));
    assertEquals(List.of(), p.cudaCalls);
    assertEquals(List.of(), warnings);
  }

  @Test
  void explicitCudaWithoutTheProviderIsAnError() {
    FakeProviders p = new FakeProviders(false, false);
    String msg = assertThrows(ModelLoadException.class, () -> select(factory(p), "cuda:1")).getMessage();
    assertTrue(msg.contains("cuda:1") && msg.contains("-Pgpu") && msg.contains("--device cpu"), msg);
    assertEquals(List.of(), warnings);
  }

  @Test
  void explicitCudaThatFailsToInitialiseIsAnError() {
    FakeProviders p = new FakeProviders(true, false);
    String msg = assertThrows(ModelLoadException.class, () -> select(factory(p), "cuda")).getMessage();
    assertTrue(msg.contains("driver version is insufficient"), msg);
    assertEquals(List.of(0), p.cudaCalls);
  }

  @Test
  void autoTakesCudaWhenItInitialises() throws OrtException {
    FakeProviders p = new FakeProviders(true, true);
    assertEquals(Device.cuda(0), select(factory(p), "auto"));
    assertEquals(List.of(), warnings);
  }

  @Test
  void autoFallsBackToCpuWithOneWarning() throws OrtException {
    FakeProviders p = new FakeProviders(true, false);
    SessionFactory f = factory(p);
    assertEquals(Device.CPU, select(f, "auto"));
    assertEquals(Device.CPU, select(f, "auto"));
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("running on the CPU"), warnings.get(0));
  }

  @Test
  void autoWithoutTheProviderWarnsOnce() throws OrtException {
    SessionFactory f = factory(new FakeProviders(false, false));
    assertEquals(Device.CPU, select(f, "auto"));
    assertEquals(1, warnings.size());
  }

  @Test
  void anEncoderOnAutoRunsAndReportsTheDeviceItUses() {
    SessionFactory f = factory(new FakeProviders(false, false));
    EncoderConfig config = EncoderConfig.defaults().withRuntime(RuntimeOptions.defaults().withDevice(Device.AUTO));
    try (OnnxEncoder enc = OnnxEncoder.open(new BundleLoader().load(Fixtures.tinyOnnxBundle()), config, f)) {
      assertEquals(Device.CPU, enc.device());
      float[][] vectors = enc.encodeText(List.of("No effusion."));
      assertEquals(32, vectors[0].length);
    }
    assertEquals(1, warnings.size());
  }

  @Test
  void theLoadedCpuBuildHasNoCuda() {
    // This project's default artifact is the CPU build; -Pgpu swaps in onnxruntime_gpu.
    assertEquals(false, ExecutionProviders.ofLoadedRuntime().cudaCompiledIn());
  }

  @Test
  void deviceSpecsParse() {
    assertEquals(Device.CPU, Device.parse("CPU"));
    assertEquals(Device.AUTO, Device.parse("auto"));
    assertEquals(Device.cuda(0), Device.parse("cuda"));
    assertEquals(Device.cuda(3), Device.parse("cuda:3"));
    assertThrows(IllegalArgumentException.class, () -> Device.parse("tpu"));
    assertThrows(IllegalArgumentException.class, () -> Device.parse("cuda:x"));
  }
}
