package org.cxrsearch.onnx.run;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

/**
 * What the ONNX Runtime build on the class path offers. An interface so that device selection and
 * fallback can be tested on machines without a GPU.
 */
public interface ExecutionProviders {

  /** Whether this build was compiled with the CUDA execution provider ({@code onnxruntime_gpu}). */
  boolean cudaCompiledIn();

  /**
   * Adds the CUDA provider for device {@code index}; throws when CUDA, cuDNN or the device is
   * missing at run time even though the provider is compiled in.
   */
  void addCuda(OrtSession.SessionOptions options, int index) throws OrtException;

  /** The providers of the ONNX Runtime library that is actually loaded. */
  static ExecutionProviders ofLoadedRuntime() {
    return new ExecutionProviders() {
      @Override
      public boolean cudaCompiledIn() {
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
      }

      @Override
      public void addCuda(OrtSession.SessionOptions options, int index) throws OrtException {
        options.addCUDA(index);
      }
    };
  }
}
