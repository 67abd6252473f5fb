package org.cxrsearch.onnx.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketImpl;
import java.net.SocketImplFactory;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cxrsearch.onnx.bundle.BundleLoader;
import org.cxrsearch.onnx.encode.EncoderConfig;
import org.cxrsearch.onnx.encode.OnnxEncoder;

/**
 * Run in a child JVM by {@link NoNetworkTest}: records every connection Java code attempts and
 * refuses it, so that nothing leaves the machine. Two hooks: the default {@link ProxySelector}
 * (consulted for URLs unless a caller passes {@code Proxy.NO_PROXY}, as DJL's telemetry does) and a
 * {@link SocketImplFactory}, under every {@link Socket} whatever the proxy. Prints one line
 * {@code URIS <count>} and then what was attempted.
 *
 * <p>Argument {@code encoder BUNDLE_DIR}: load the tokenizer and model and encode a text.
 * Argument {@code control}: call DJL's telemetry directly with tracking allowed, to show that the
 * probe sees such a call.
 */
public final class NetworkProbe {

  public static void main(String[] args) throws Exception {
    List<URI> seen = new CopyOnWriteArrayList<>();
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        seen.add(uri);
        return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9)));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    });
    Socket.setSocketImplFactory(() -> new RefusingSocket(seen));
    if (args[0].equals("encoder")) {
      try (OnnxEncoder enc = OnnxEncoder.open(new BundleLoader().load(Path.of(args[1])), EncoderConfig.defaults())) {
        enc.encodeWithInstruction(List.of("Find the effusion.; !@#$%^&*()Small left pleural effusion."));
      }
    } else {
      ai.djl.util.Ec2Utils.callHome("Huggingface");
    }
    Thread.sleep(1000); // DJL may call home from a background thread
    System.out.println("URIS " + seen.size());
    seen.forEach(System.out::println);
  }

  /** A socket that records where it was asked to connect and refuses. */
  private static final class RefusingSocket extends SocketImpl {
    private final List<URI> seen;

    RefusingSocket(List<URI> seen) {
      this.seen = seen;
    }

    private void refuse(String host, int port) throws ConnectException {
      seen.add(URI.create("socket://" + host + ":" + port));
      throw new ConnectException("refused by NetworkProbe: " + host + ":" + port);
    }

    @Override protected void create(boolean stream) {}
    @Override protected void connect(String host, int port) throws IOException { refuse(host, port); }
    @Override protected void connect(InetAddress address, int port) throws IOException { refuse(address.getHostAddress(), port); }
    @Override protected void connect(SocketAddress address, int timeout) throws IOException {
      InetSocketAddress a = (InetSocketAddress) address;
      refuse(a.getHostString(), a.getPort());
    }
    @Override protected void bind(InetAddress host, int port) {}
    @Override protected void listen(int backlog) throws IOException { throw new IOException("not supported"); }
    @Override protected void accept(SocketImpl s) throws IOException { throw new IOException("not supported"); }
    @Override protected InputStream getInputStream() throws IOException { throw new IOException("not connected"); }
    @Override protected OutputStream getOutputStream() throws IOException { throw new IOException("not connected"); }
    @Override protected int available() { return 0; }
    @Override protected void close() {}
    @Override protected void sendUrgentData(int data) throws IOException { throw new IOException("not connected"); }
    @Override public void setOption(int optID, Object value) {}
    @Override public Object getOption(int optID) { return null; }
  }
}
