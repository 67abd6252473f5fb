package org.cxrsearch.onnx.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cxrsearch.onnx.batch.BatchPacker;
import org.cxrsearch.onnx.batch.LengthBatcher;
import org.cxrsearch.onnx.bundle.ModelFamily;
import org.cxrsearch.onnx.run.Device;
import org.cxrsearch.onnx.run.ModelRunner;
import org.cxrsearch.onnx.run.ModelSignature;
import org.cxrsearch.onnx.run.RuntimeOptions;
import org.cxrsearch.onnx.run.SessionFactory;
import org.cxrsearch.onnx.testing.Fixtures;
import org.cxrsearch.onnx.tokenize.ReportTokenizer;
import org.junit.jupiter.api.Test;

/** {@link OnnxEncoder#close()} releases everything it holds even when one part fails to close. */
class OnnxEncoderCloseTest {

  @Test
  void aSessionThatFailsToCloseStillReleasesTheTokenizerAndReportsTheFailure() throws Exception {
    SessionFactory sessions = SessionFactory.ofLoadedRuntime();
    var opened = sessions.open(Fixtures.tinyOnnxBundle().resolve("model.onnx"), RuntimeOptions.defaults());
    ModelSignature signature = ModelSignature.of(opened.session());
    ModelRunner runner = new ModelRunner(
        sessions.environment(), opened.session(), signature, ModelFamily.LLM2VEC4CXR, ModelSignature.EMBEDDING, 32);
    ReportTokenizer tokenizer = ReportTokenizer.open(Fixtures.tinyOnnxBundle().resolve("tokenizer.json"), 64);
    EncoderInfo info = new EncoderInfo("tiny", ModelFamily.LLM2VEC4CXR, 32, "test", InstructionFormat.LLM2VEC);
    OnnxEncoder encoder =
        new OnnxEncoder(info, Device.CPU, tokenizer, new LengthBatcher(8, 512), new BatchPacker(0), runner);

    // ONNX Runtime refuses to close a session twice: the encoder's own session close now throws.
    opened.session().close();

    var e = assertThrows(IllegalStateException.class, encoder::close);
    assertTrue(e.getMessage().contains("already closed"), e.getMessage());
    assertTrue(tokenizer.isClosed(), "the tokenizer's native memory was leaked");
    assertEquals(0, e.getSuppressed().length, "only the session failed");
  }
}
