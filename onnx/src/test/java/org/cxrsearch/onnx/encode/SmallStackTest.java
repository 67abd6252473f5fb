package org.cxrsearch.onnx.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder needs no large thread stack from its caller: opening a model (ONNX Runtime session,
 * DJL tokenizer) and encoding on a thread with a 256 KB stack, in a JVM started with
 * {@code -Xss256k}, gives the same vectors bit for bit as in this JVM. A native stack overflow
 * would kill the child JVM (SIGSEGV, exit 139) rather than this one, and fail the test.
 *
 * <p>Measured on ONNX Runtime 1.29 and DJL tokenizers (x86-64, Temurin 25): the tiny fixture and
 * all-minilm-l6-v2-q both work down to 136 KB, on a 96-entry class path as well; at 128 KB the JVM's
 * own class loading throws {@link StackOverflowError} first, a Java exception, not a crash.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SmallStackTest {

  /** Short and long texts, both APIs (the long one fills a batch row of a few hundred tokens). */
  static final List<String> TEXTS = List.of(
      "No acute cardiopulmonary abnormality.",
      "Small left pleural effusion. " + "Mild cardiomegaly with pulmonary vascular congestion. ".repeat(40));

  @TempDir Path dir;

  /** Every vector of {@link #TEXTS}, plain then with an instruction, as the hex bits of its floats. */
  static List<String> bits(OnnxEncoder encoder) {
    List<float[]> vectors = new ArrayList<>(List.of(encoder.encodeText(TEXTS)));
    vectors.addAll(List.of(encoder.encodeWithInstruction(
        TEXTS.stream().map(t -> "Retrieve similar reports" + InstructionFormat.LLM2VEC_SEPARATOR + t).toList())));
    List<String> out = new ArrayList<>();
    for (float[] v : vectors) {
      StringBuilder line = new StringBuilder();
      for (float f : v) {
        line.append(Integer.toHexString(Float.floatToRawIntBits(f))).append(' ');
      }
      out.add(line.toString().strip());
    }
    return out;
  }

  @Test
  void encodesOnA256KbThreadStackLikeOnTheDefaultStack() throws Exception {
    List<String> expected;
    try (OnnxEncoder encoder = OnnxEncoder.open(new BundleLoader().load(Fixtures.tinyOnnxBundle()), EncoderConfig.defaults())) {
      expected = bits(encoder);
    }
    Path log = dir.resolve("child.log");
    Path out = dir.resolve("child.out");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xss256k", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            SmallStackProbe.class.getName(), Fixtures.tinyOnnxBundle().toAbsolutePath().toString(), "256")
        .redirectOutput(out.toFile())
        .redirectError(log.toFile())
        .start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end within 60 s");
    assertEquals(0, child.exitValue(), "the child JVM failed (139 = SIGSEGV): " + Files.readString(log));
    assertEquals(expected, Files.readAllLines(out));
  }
}
