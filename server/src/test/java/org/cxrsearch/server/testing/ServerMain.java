package org.cxrsearch.server.testing;

import java.nio.file.Path;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.server.CxrSearchServer;
import org.cxrsearch.server.http.ServerOptions;
import org.cxrsearch.server.index.Models;

/**
 * A server in its own JVM for the crash tests: {@code ServerMain DATA_DIR} serves on 127.0.0.1 with
 * an ephemeral port, prints {@code LISTENING <port>} and runs until killed.
 */
public final class ServerMain {

  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    CxrSearchServer server = CxrSearchServer.start(Path.of(args[0]), Models.resolving("default", EncoderConfig.defaults()),
        ServerOptions.loopbackEphemeral());
    System.out.println("LISTENING " + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
