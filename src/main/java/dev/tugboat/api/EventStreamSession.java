package dev.tugboat.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client's server-sent event stream. The event log is the only buffer: events are written
 * while the connection takes them (Netty's writability), and a client that stops reading is not
 * fed into the daemon's memory. A client that has taken nothing for {@code dropAfter} is closed;
 * it reconnects with {@code Last-Event-ID} when it reads again. Runs on the connection's thread.
 */
final class EventStreamSession {

  /** Events taken from the log at once. */
  private static final int BATCH = 100;

  private final ChannelHandlerContext ctx;
  private final EventLog log;
  private final Duration dropAfter;
  private long sent;
  private ScheduledFuture<?> dropTimer;

  EventStreamSession(ChannelHandlerContext ctx, EventLog log, long after, Duration dropAfter) {
    this.ctx = ctx;
    this.log = log;
    this.sent = after;
    this.dropAfter = dropAfter;
    ctx.pipeline().addLast(new ChannelInboundHandlerAdapter() {
      @Override
      public void channelWritabilityChanged(ChannelHandlerContext handler) {
        if (handler.channel().isWritable()) {
          catchUp();
        }
        handler.fireChannelWritabilityChanged();
      }
    });
    ctx.channel().closeFuture().addListener(closed -> cancelDrop());
  }

  /** Writes the events after the last one sent, as far as the connection takes them. */
  void catchUp() {
    while (ctx.channel().isWritable()) {
      List<ApiEvent> events = log.after(sent, BATCH);
      if (events.isEmpty()) {
        cancelDrop();
        return;
      }
      for (ApiEvent event : events) {
        if (!ctx.channel().isWritable()) {
          break;
        }
        write("id: " + event.id() + "\nevent: event\ndata: "
            + new String(Responses.json(event), StandardCharsets.UTF_8) + "\n\n");
        sent = event.id();
        // flushed one by one: writability only changes as written bytes reach the socket
        ctx.flush();
      }
    }
    armDrop();
  }

  /** A notice or a keep-alive comment: skipped while the client is behind, as it then has news. */
  void notice(String text) {
    if (ctx.channel().isWritable()) {
      write(text);
      ctx.flush();
    }
  }

  private void write(String text) {
    ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)),
        ctx.voidPromise());
  }

  private void armDrop() {
    if (dropTimer == null) {
      dropTimer = ctx.executor().schedule(() -> {
        if (!ctx.channel().isWritable()) {
          ctx.close();
        }
        dropTimer = null;
      }, dropAfter.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void cancelDrop() {
    if (dropTimer != null) {
      dropTimer.cancel(false);
      dropTimer = null;
    }
  }
}
