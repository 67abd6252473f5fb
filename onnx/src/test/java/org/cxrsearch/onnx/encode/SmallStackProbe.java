package org.cxrsearch.onnx.encode;

import java.nio.file.Path;
import java.util.List;
import org.cxrsearch.onnx.bundle.BundleLoader;

/**
 * For {@link SmallStackTest}, in a fresh JVM: {@code SmallStackProbe BUNDLE STACK_KB} opens the
 * encoder and encodes {@link SmallStackTest#TEXTS} on a thread whose stack is {@code STACK_KB} KB,
 * and prints each vector as the hex bits of its floats, one line per text.
 */
public final class SmallStackProbe {

  private SmallStackProbe() {}

  public static void main(String[] args) throws Exception {
    Path bundle = Path.of(args[0]);
    long stack = Long.parseLong(args[1]) * 1024;
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try (OnnxEncoder encoder = OnnxEncoder.open(new BundleLoader().load(bundle), EncoderConfig.defaults())) {
        SmallStackTest.bits(encoder).forEach(System.out::println);
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "small-stack", stack);
    t.start();
    t.join();
    if (failure[0] != null) {
      failure[0].printStackTrace();
      System.exit(2);
    }
  }
}
