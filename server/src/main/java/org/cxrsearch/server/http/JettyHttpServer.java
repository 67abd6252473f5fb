package org.cxrsearch.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP library adapter: Jetty 12's core API (no servlets) turns each exchange into an
 * {@link ApiRequest}, hands it to the {@link Dispatcher}, and writes the {@link ApiResponse} back.
 * It reads at most {@link Limits#maxBodyBytes()} of a body (413 beyond), only after the request is
 * admitted, and logs one structured access line per request.
 *
 * <p>Jetty's thread pool is bounded; handlers block (Lucene and ONNX Runtime calls are blocking),
 * which Jetty's core API allows for a handler declared blocking, as {@link Handler.Abstract} is.
 */
public final class JettyHttpServer implements AutoCloseable {

  /** Threads beyond the admission slots, to refuse overload promptly. */
  static final int SPARE_THREADS = 32;

  /** Stack of a handler thread (reserved address space; only the pages used are committed). */
  static final long HANDLER_STACK_BYTES = 16L << 20;

  private static final System.Logger ACCESS = System.getLogger("org.cxrsearch.server.access");

  private final Server server;
  private final ServerConnector connector;
  private final Dispatcher dispatcher;
  private final AtomicLong requestIds = new AtomicLong();
  private final String idPrefix = Long.toString(System.nanoTime() & 0xffffff, 36);

  private JettyHttpServer(Server server, ServerConnector connector, Dispatcher dispatcher) {
    this.server = server;
    this.connector = connector;
    this.dispatcher = dispatcher;
  }

  /**
   * Starts listening.
   *
   * @throws IllegalArgumentException if the options bind a non-loopback address without API keys
   *     and without {@code insecure}
   */
  public static JettyHttpServer start(Dispatcher dispatcher) throws Exception {
    ServerOptions options = dispatcher.options();
    requireSafeBind(options);
    // More threads than admission slots (running + queued): the spare threads answer the excess with a
    // quick 429 instead of leaving it in Jetty's own job queue, where it would wait unrefused.
    int maxThreads = options.limits().maxConcurrent() + options.limits().maxQueued() + SPARE_THREADS;
    // Handler threads run ONNX Runtime (session creation and inference): its native code needs more
    // stack than the JVM's 1 MB default for new threads, and overflowing it kills the process.
    java.util.concurrent.ThreadFactory bigStacks = r -> new Thread(null, r, "cxrsearch-http", HANDLER_STACK_BYTES);
    QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 4, 60_000, -1, null, null, bigStacks);
    threads.setName("cxrsearch-http");
    Server server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    // Elasticsearch clients percent-encode '/' in document ids; Routes decodes each segment itself.
    config.setUriCompliance(UriCompliance.DEFAULT.with("cxrsearch", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost(options.bind());
    connector.setPort(options.port());
    server.addConnector(connector);
    server.setStopTimeout(10_000); // graceful: in-flight requests finish first
    JettyHttpServer http = new JettyHttpServer(server, connector, dispatcher);
    server.setHandler(http.new ExchangeHandler());
    server.setErrorHandler(JettyHttpServer::jettyError);
    server.start();
    return http;
  }

  /** Refuses to expose an unauthenticated server beyond this machine. */
  static void requireSafeBind(ServerOptions options) throws IOException {
    InetAddress address = InetAddress.getByName(options.bind());
    if (!address.isLoopbackAddress() && !options.apiKeys().enabled() && !options.insecure()) {
      throw new IllegalArgumentException("refusing to bind " + options.bind() + " (not a loopback address) without an API key:"
          + " pass --api-key-file FILE, or --insecure to serve everyone on the network");
    }
  }

  /** The port actually bound (the ephemeral one when the options asked for 0). */
  public int port() {
    return connector.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(dispatcher.options().bind(), port());
  }

  /** Stops accepting, lets in-flight requests finish (bounded), then stops. */
  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class ExchangeHandler extends Handler.Abstract {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      long start = System.nanoTime();
      String id = idPrefix + "-" + requestIds.incrementAndGet();
      String method = request.getMethod();
      String path = request.getHttpURI().getPath();
      ApiResponse answer;
      long maxBody = dispatcher.options().limits().maxBodyBytes();
      long[] bytesIn = {0};
      try {
        requireDeclaredLength(request, maxBody); // a declared oversize body is refused unread
        ApiRequest api = new ApiRequest(method, path == null ? "/" : path, Map.of(), queryParameters(request),
            name -> request.getHeaders().get(name), null, id);
        // The body is read only once the dispatcher has admitted the request (see Dispatcher.dispatch).
        answer = dispatcher.dispatch(api, () -> {
          byte[] body = readBody(request, maxBody);
          bytesIn[0] = body.length;
          return body;
        });
      } catch (ApiException e) {
        answer = ErrorBody.response(e, id).withHeader(Dispatcher.REQUEST_ID_HEADER, id).withHeader(Dispatcher.PRODUCT_HEADER, "Elasticsearch");
      }
      long micros = (System.nanoTime() - start) / 1000;
      long in = bytesIn[0];
      ApiResponse out = answer;
      // Logged before the answer is sent: the line is there when the client has its answer.
      ACCESS.log(System.Logger.Level.INFO, () -> accessLine(id, request, method, path, out, in, micros));
      write(response, callback, method, answer);
      return true;
    }
  }

  /** Requests Jetty refuses itself (a malformed URI or header) get an Elasticsearch error body too. */
  private static boolean jettyError(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 400;
    Object message = request.getAttribute(org.eclipse.jetty.server.handler.ErrorHandler.ERROR_MESSAGE);
    ApiException e = new ApiException(status, status == 413 ? "content_too_long_exception" : "illegal_argument_exception",
        "the HTTP request was refused: " + (message == null ? "malformed request" : message));
    write(response, callback, request.getMethod(), ErrorBody.response(e, null).withHeader(Dispatcher.PRODUCT_HEADER, "Elasticsearch"));
    return true;
  }

  private static void write(Response response, Callback callback, String method, ApiResponse answer) {
    response.setStatus(answer.status());
    answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    if (answer.contentType() != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType().startsWith("application/json")
          || answer.contentType().startsWith("text/") ? answer.contentType() + "; charset=UTF-8" : answer.contentType());
    }
    boolean head = method.equals("HEAD");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(answer.body()), callback);
  }

  /** The body, refused with 413 above {@code max} bytes before more than that is read. */
  private static byte[] readBody(Request request, long max) {
    requireDeclaredLength(request, max);
    try (InputStream in = Request.asInputStream(request)) {
      byte[] body = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8) + 1);
      if (body.length > max) {
        throw tooLarge(body.length, max);
      }
      return body;
    } catch (IOException e) {
      throw new ApiException(400, "parse_exception", "cannot read the request body: " + e.getMessage());
    }
  }

  /** 413 when the request's {@code Content-Length} is above {@code max}. */
  private static void requireDeclaredLength(Request request, long max) {
    long declared = request.getLength();
    if (declared > max) {
      throw tooLarge(declared, max);
    }
  }

  private static ApiException tooLarge(long size, long max) {
    return new ApiException(413, "content_too_long_exception",
        "request body is " + (size >= 0 ? "at least " + size : "larger than the limit") + " bytes; the limit is " + max);
  }

  private static Map<String, List<String>> queryParameters(Request request) {
    Map<String, List<String>> out = new HashMap<>();
    try {
      Fields fields = Request.extractQueryParameters(request);
      for (Fields.Field f : fields) {
        out.put(f.getName(), new ArrayList<>(f.getValues()));
      }
    } catch (RuntimeException e) {
      throw ApiException.illegalArgument("the query string is not valid: " + e.getMessage());
    }
    return out;
  }

  /** One JSON object per request: time taken, sizes, status and the request id errors carry. */
  private static String accessLine(String id, Request request, String method, String path, ApiResponse answer, long bytesIn, long micros) {
    Map<String, Object> line = new java.util.LinkedHashMap<>();
    line.put("request_id", id);
    line.put("remote", Request.getRemoteAddr(request));
    line.put("method", method);
    line.put("path", path);
    line.put("status", answer.status());
    line.put("bytes_in", bytesIn);
    line.put("bytes_out", answer.body().length);
    line.put("micros", micros);
    return new String(Json.bytes(line), java.nio.charset.StandardCharsets.UTF_8);
  }
}
