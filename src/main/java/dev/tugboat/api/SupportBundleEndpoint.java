package dev.tugboat.api;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/support-bundle}: once the app has made the bundle, sends the file as an
 * attachment ({@code Content-Disposition} names it), read from disk in chunks as the client takes
 * them, never whole in memory; the file is deleted once sent or once the client went away.
 */
final class SupportBundleEndpoint {

  private static final String ROUTE = "/api/v1/support-bundle";
  private static final int CHUNK = 64 * 1024;

  private SupportBundleEndpoint() {}

  static void send(ChannelHandlerContext ctx, ApiContext context,
      CompletableFuture<SupportBundle> made, boolean keepAlive) {
    made.whenComplete((bundle, failure) -> ctx.executor().execute(() -> {
      if (failure != null) {
        var response = AsyncReply.failed(failure);
        context.metrics().count(ROUTE, response.status().code());
        Responses.send(ctx, response, keepAlive);
        return;
      }
      stream(ctx, context, bundle, keepAlive);
    }));
  }

  private static void stream(ChannelHandlerContext ctx, ApiContext context, SupportBundle bundle,
      boolean keepAlive) {
    ChunkedNioFile body;
    try {
      body = new ChunkedNioFile(bundle.file().toFile(), CHUNK);
    } catch (IOException e) {
      delete(bundle);
      context.metrics().count(ROUTE, 500);
      Responses.send(ctx, Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
          "the support bundle was made but cannot be read: " + e.getMessage()), keepAlive);
      return;
    }
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/gzip")
        .set(HttpHeaderNames.CONTENT_LENGTH, bundle.size())
        .set(HttpHeaderNames.CONTENT_DISPOSITION,
            "attachment; filename=\"" + bundle.fileName() + "\"")
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
        .set(HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    context.metrics().count(ROUTE, 200);
    ctx.write(head);
    ChannelFuture sent = ctx.writeAndFlush(new HttpChunkedInput(body));
    sent.addListener(done -> delete(bundle));
    if (!keepAlive) {
      sent.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static void delete(SupportBundle bundle) {
    try {
      Files.deleteIfExists(bundle.file());
    } catch (IOException e) {
      // the next bundle removes it once it is an hour old
    }
  }
}
