package dev.tugboat.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request head (request line and headers) has not arrived whole within
 * a deadline from its first byte. The idle timeout alone is reset by every byte, so a client
 * sending a header a byte at a time (slowloris) would hold its connection for ever. Sits before
 * the HTTP codec, where bytes arrive; its {@link #afterCodec()} half sits after the codec and says
 * when a head was complete and when its request ended. One instance per connection; runs on its
 * Netty thread.
 */
final class RequestHeadDeadline extends ChannelInboundHandlerAdapter {

  private enum Phase { BETWEEN_REQUESTS, HEAD, BODY }

  private final Duration deadline;
  private Phase phase = Phase.BETWEEN_REQUESTS;
  private ScheduledFuture<?> timer;

  RequestHeadDeadline(Duration deadline) {
    this.deadline = deadline;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes && bytes.isReadable() && phase == Phase.BETWEEN_REQUESTS) {
      phase = Phase.HEAD;
      timer = ctx.executor().schedule(() -> {
        if (phase == Phase.HEAD) {
          ctx.close();
        }
      }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
    ctx.fireChannelRead(msg);
  }

  /** The handler to put right after the HTTP codec. */
  ChannelHandler afterCodec() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
          // a whole head: its body (if any) is the idle timeout's and the body limit's
          phase = Phase.BODY;
          cancel();
        }
        if (msg instanceof LastHttpContent) {
          phase = Phase.BETWEEN_REQUESTS;
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
