package org.cxrsearch.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.onnx.bundle.ModelLoadException;
import org.cxrsearch.onnx.encode.EncoderInfo;
import org.cxrsearch.onnx.encode.OnnxEncoder;
import org.cxrsearch.onnx.encode.StageTimes;
import org.cxrsearch.onnx.encode.TextEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Builder errors name the builder parameter; batch settings reach the encoder; who closes what. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CxrEmbeddingModelBuilderTest {

  private static final List<TextSegment> MIXED_LENGTHS = List.of(
      TextSegment.from("No pneumothorax."),
      TextSegment.from("Moderate left pleural effusion with adjacent compressive atelectasis of the left lower lobe."),
      TextSegment.from("Lungs clear."),
      TextSegment.from("Cardiomegaly is unchanged. Interval increase in interstitial markings and new small right effusion."));

  @TempDir Path tmp;

  @Test
  void missingModelNamesTheParameter() {
    var e = assertThrows(IllegalArgumentException.class, () -> CxrEmbeddingModel.builder().build());
    assertTrue(e.getMessage().startsWith("model:"), e.getMessage());
  }

  @Test
  void unknownDeviceNamesTheParameterBeforeAnythingIsOpened() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> CxrEmbeddingModel.builder().model(TestData.tinyBundle()).device("tpu").build());
    assertTrue(e.getMessage().startsWith("device:") && e.getMessage().contains("tpu"), e.getMessage());
  }

  @Test
  void badBatchSettingsNameTheParameter() {
    var batch = assertThrows(IllegalArgumentException.class,
        () -> CxrEmbeddingModel.builder().model(TestData.tinyBundle()).maxBatchSize(0).build());
    assertTrue(batch.getMessage().startsWith("maxBatchSize:"), batch.getMessage());
    var budget = assertThrows(IllegalArgumentException.class,
        () -> CxrEmbeddingModel.builder().model(TestData.tinyBundle()).tokenBudget(-1).build());
    assertTrue(budget.getMessage().startsWith("tokenBudget:"), budget.getMessage());
  }

  @Test
  void aDirectoryThatIsNoModelIsNamed() throws Exception {
    Path empty = Files.createDirectory(tmp.resolve("not-a-model"));
    Files.writeString(empty.resolve("notes.txt"), "x");
    var e = assertThrows(ModelLoadException.class,
        () -> CxrEmbeddingModel.builder().model(empty).cacheDir(tmp.resolve("cache")).build());
    assertTrue(e.getMessage().startsWith("model \"" + empty + "\""), e.getMessage());
  }

  @Test
  void aMissingLocalDirectoryIsNeverTakenForARepositoryId() {
    // Spelled like owner/name: model(String) would ask the hub; model(Path) means a local directory.
    Path missing = Path.of("no-such-owner", "no-such-model");
    var e = assertThrows(IllegalArgumentException.class,
        () -> CxrEmbeddingModel.builder().model(missing).cacheDir(tmp.resolve("cache")).build());
    assertTrue(e.getMessage().startsWith("model: no such directory") && e.getMessage().contains("no-such-model"),
        e.getMessage());
  }

  @Test
  void anOpenEncoderExcludesTheOpeningSettings() {
    try (CxrEmbeddingModel owner = CxrEmbeddingModel.builder().model(TestData.tinyBundle()).build()) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> CxrEmbeddingModel.builder().encoder(owner.encoder()).device("cpu").build());
      assertTrue(e.getMessage().startsWith("encoder:"), e.getMessage());
    }
  }

  @Test
  void dimensionAndNameComeFromTheModelWithoutEncoding() {
    try (CxrEmbeddingModel model = CxrEmbeddingModel.builder().model(TestData.tinyBundle()).build()) {
      assertEquals(32, model.dimension());
      assertEquals("onnx", model.modelName());
      // Nothing ran: the encoder's own counters are still at zero.
      assertEquals(0, ((OnnxEncoder) model.encoder()).stageTimes().texts());
    }
  }

  @Test
  void batchSettingsReachTheEncoder() {
    // One text per call: no padding at all. One call for all: the short texts are padded.
    try (CxrEmbeddingModel single = CxrEmbeddingModel.builder().model(TestData.tinyBundle()).maxBatchSize(1).build();
        CxrEmbeddingModel batched = CxrEmbeddingModel.builder().model(TestData.tinyBundle()).maxBatchSize(64).build()) {
      Response<?> a = single.embedAll(MIXED_LENGTHS);
      Response<?> b = batched.embedAll(MIXED_LENGTHS);
      StageTimes.Snapshot one = ((OnnxEncoder) single.encoder()).stageTimes();
      StageTimes.Snapshot all = ((OnnxEncoder) batched.encoder()).stageTimes();
      assertEquals(one.tokens(), one.paddedTokens());
      assertTrue(all.paddedTokens() > all.tokens(), all.paddedTokens() + " padded of " + all.tokens());
      assertEquals(one.tokens(), a.tokenUsage().inputTokenCount().longValue());
      assertEquals(a.tokenUsage(), b.tokenUsage());
    }
  }

  @Test
  void aModelClosesTheEncoderItOpenedButNotOneItWasGiven() {
    CxrEmbeddingModel owner = CxrEmbeddingModel.builder().model(TestData.tinyBundle()).build();
    TextEncoder encoder = owner.encoder();
    CxrEmbeddingModel borrower = CxrEmbeddingModel.builder().encoder(encoder).build();
    borrower.close();
    assertEquals(32, owner.embed("Still open.").content().dimension());
    owner.close();
    assertThrows(RuntimeException.class, () -> encoder.encodeDocuments(List.of("Closed.")));
  }

  @Test
  void anEncoderThatCannotCountTokensGivesNoUsage() {
    try (CxrEmbeddingModel owner = CxrEmbeddingModel.builder().model(TestData.tinyBundle()).build()) {
      TextEncoder plain = new ForwardingEncoder(owner.encoder());
      try (CxrEmbeddingModel model = CxrEmbeddingModel.builder().encoder(plain).build()) {
        Response<?> r = model.embedAll(MIXED_LENGTHS);
        assertNull(r.tokenUsage());
        VectorAssertions.assertVectorEquals(owner.embed(MIXED_LENGTHS.get(1)).content().vector(),
            model.embed(MIXED_LENGTHS.get(1)).content().vector(), 0, "through a plain TextEncoder");
      }
    }
  }

  /** A {@link TextEncoder} that is not an {@link OnnxEncoder}, as a host's own encoder would be. */
  private record ForwardingEncoder(TextEncoder delegate) implements TextEncoder {
    @Override
    public EncoderInfo info() {
      return delegate.info();
    }

    @Override
    public float[][] encodeText(List<String> texts) {
      return delegate.encodeText(texts);
    }

    @Override
    public float[][] encodeWithInstruction(List<String> texts) {
      return delegate.encodeWithInstruction(texts);
    }

    @Override
    public void close() {}
  }
}
