package dev.tugboat.api;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Adds to every response, whatever wrote it (a route, a refusal, the event stream), the headers
 * that keep a page on another site from framing the dashboard (clickjacking its buttons), a
 * browser from guessing a JSON answer's type, and the console's address from leaking in a
 * Referer. Stateless, so one instance serves every connection.
 */
@ChannelHandler.Sharable
final class SecurityHeaders extends ChannelOutboundHandlerAdapter {

  static final SecurityHeaders INSTANCE = new SecurityHeaders();

  private SecurityHeaders() {}

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      HttpHeaders headers = response.headers();
      headers.set("X-Frame-Options", "DENY");
      headers.set("Content-Security-Policy", "frame-ancestors 'none'");
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
    }
    ctx.write(msg, promise);
  }
}
