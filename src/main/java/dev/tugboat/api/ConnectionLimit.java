package dev.tugboat.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many connections one listener keeps open at once. Without a cap, a local process opening
 * connections until the daemon runs out of file descriptors leaves it unable to reach Docker or
 * write its journal; beyond the cap a connection gets {@code 503} and is closed before it costs
 * more than its socket. Thread-safe.
 */
final class ConnectionLimit {

  private static final byte[] REFUSAL = refusal();

  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder refused = new LongAdder();

  ConnectionLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a listener must allow at least one connection: " + max);
    }
    this.max = max;
  }

  /**
   * Counts {@code channel} while it is open and returns true; or, at the cap, answers 503, closes
   * it and returns false.
   */
  boolean admit(Channel channel) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      refused.increment();
      channel.writeAndFlush(Unpooled.wrappedBuffer(REFUSAL))
          .addListener(ChannelFutureListener.CLOSE);
      return false;
    }
    channel.closeFuture().addListener(closed -> open.decrementAndGet());
    return true;
  }

  int open() {
    return open.get();
  }

  long refused() {
    return refused.sum();
  }

  private static byte[] refusal() {
    String body = "{\"error\":\"too many open connections to the daemon; close idle ones and"
        + " retry\"}";
    return ("HTTP/1.1 503 Service Unavailable\r\n"
        + "content-type: application/json\r\n"
        + "content-length: " + body.length() + "\r\n"
        + "retry-after: 1\r\n"
        + "connection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
  }
}
