package dev.tugboat.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Drives the API's pipeline with raw request bytes, no sockets: a server channel with the real
 * initializer, and a client-side codec that turns its output back into responses.
 */
final class ApiChannel {

  static final String TOKEN = "s3cret-token";
  final FakeApp app;
  final EmbeddedChannel server;
  private final ApiContext context;

  ApiChannel() {
    this(new ApiLimits(1024, 1024, Duration.ofSeconds(60), Duration.ofSeconds(5), 8));
  }

  ApiChannel(ApiLimits limits) {
    this(limits, LicenseService.none());
  }

  ApiChannel(LicenseService licenses) {
    this(new ApiLimits(1024, 1024, Duration.ofSeconds(60), Duration.ofSeconds(5), 8), licenses);
  }

  ApiChannel(ApiLimits limits, LicenseService licenses) {
    this(limits, licenses, new FakeApp());
  }

  /** Another connection to the same {@code app}. */
  ApiChannel(ApiLimits limits, FakeApp app) {
    this(limits, LicenseService.none(), app);
  }

  private ApiChannel(ApiLimits limits, LicenseService licenses, FakeApp app) {
    this(limits, licenses, NodesService.none(), app);
  }

  ApiChannel(NodesService nodes) {
    this(new ApiLimits(1024, 1024, Duration.ofSeconds(60), Duration.ofSeconds(5), 8),
        LicenseService.none(), nodes, new FakeApp());
  }

  private ApiChannel(ApiLimits limits, LicenseService licenses, NodesService nodes, FakeApp app) {
    this.app = app;
    context = ApiContext.of(app, licenses, nodes, TOKEN, AllowedHosts.of("console.example.com"),
        limits, java.util.Optional.empty());
    server = new EmbeddedChannel(new ApiInitializer(context));
  }

  /** Closes the connection and releases what it still holds, as the server does when it stops. */
  void close() {
    server.finishAndReleaseAll();
    context.status().close();
  }

  /** Sends raw bytes; returns the response (null if none was written). */
  FullHttpResponse send(String raw) {
    server.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.UTF_8));
    server.runPendingTasks();
    // the client codec must know a HEAD was asked, or it waits for the body the headers announce
    return read(raw.startsWith("HEAD ") ? io.netty.handler.codec.http.HttpMethod.HEAD
        : io.netty.handler.codec.http.HttpMethod.GET);
  }

  FullHttpResponse read() {
    return read(io.netty.handler.codec.http.HttpMethod.GET);
  }

  private FullHttpResponse read(io.netty.handler.codec.http.HttpMethod method) {
    EmbeddedChannel client = new EmbeddedChannel(new HttpClientCodec(),
        new HttpObjectAggregator(10 * 1024 * 1024));
    // the client codec answers only responses to requests it has seen
    client.writeOutbound(new io.netty.handler.codec.http.DefaultFullHttpRequest(
        io.netty.handler.codec.http.HttpVersion.HTTP_1_1, method, "/"));
    client.releaseOutbound();
    ByteBuf out;
    boolean any = false;
    while ((out = server.readOutbound()) != null) {
      client.writeInbound(out);
      any = true;
    }
    FullHttpResponse response = any ? client.readInbound() : null;
    client.finishAndReleaseAll();
    return response == null ? null : onHeap(response);
  }

  /**
   * The response with its body copied onto the heap, the aggregated one released: tests read
   * responses and drop them, and must not leave Netty buffers behind (NoBufferLeaks).
   */
  private static FullHttpResponse onHeap(FullHttpResponse response) {
    try {
      return new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
          Unpooled.wrappedBuffer(ByteBufUtil.getBytes(response.content())), response.headers().copy(),
          response.trailingHeaders().copy());
    } finally {
      response.release();
    }
  }

  FullHttpResponse get(String path) {
    return send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
        + "\r\n\r\n");
  }

  FullHttpResponse call(String method, String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n"
        + body);
  }

  static String body(FullHttpResponse response) {
    return response.content().toString(StandardCharsets.UTF_8);
  }
}
