package dev.tugboat.api;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
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
  final FakeApp app = new FakeApp();
  final EmbeddedChannel server;

  ApiChannel() {
    this(new ApiLimits(1024, 1024, Duration.ofSeconds(60), Duration.ofSeconds(5)));
  }

  ApiChannel(ApiLimits limits) {
    server = new EmbeddedChannel(new ApiInitializer(ApiContext.of(app, TOKEN, limits)));
  }

  /** Sends raw bytes; returns the response (null if none was written). */
  FullHttpResponse send(String raw) {
    server.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.UTF_8));
    server.runPendingTasks();
    return read();
  }

  FullHttpResponse read() {
    EmbeddedChannel client = new EmbeddedChannel(new HttpClientCodec(),
        new HttpObjectAggregator(10 * 1024 * 1024));
    // the client codec answers only responses to requests it has seen
    client.writeOutbound(new io.netty.handler.codec.http.DefaultFullHttpRequest(
        io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
        io.netty.handler.codec.http.HttpMethod.GET, "/"));
    client.releaseOutbound();
    ByteBuf out;
    boolean any = false;
    while ((out = server.readOutbound()) != null) {
      client.writeInbound(out);
      any = true;
    }
    return any ? client.readInbound() : null;
  }

  FullHttpResponse get(String path) {
    return send("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
        + "\r\n\r\n");
  }

  FullHttpResponse call(String method, String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(method + " " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
        + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n"
        + body);
  }

  static String body(FullHttpResponse response) {
    return response.content().toString(StandardCharsets.UTF_8);
  }
}
