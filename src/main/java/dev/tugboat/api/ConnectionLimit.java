package dev.tugboat.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many connections one listener keeps open at once, in all and from one peer address. Without
 * a cap, a local process opening connections until the daemon runs out of file descriptors leaves
 * it unable to reach Docker or write its journal; without one per peer, one client could still
 * take every place from the operator's browser. Beyond a cap a connection gets {@code 503} and is
 * closed before it costs more than its socket. Thread-safe.
 */
final class ConnectionLimit {

  private static final byte[] REFUSAL = refusal();

  private final int max;
  private final int maxPerPeer;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<Object, Integer> openByPeer = new ConcurrentHashMap<>();
  private final LongAdder refused = new LongAdder();

  ConnectionLimit(int max, int maxPerPeer) {
    if (max < 1 || maxPerPeer < 1) {
      throw new IllegalArgumentException("a listener must allow at least one connection: " + max
          + " in all, " + maxPerPeer + " per peer");
    }
    this.max = max;
    this.maxPerPeer = maxPerPeer;
  }

  /**
   * Counts {@code channel} while it is open and returns true; or, at the cap, answers 503, closes
   * it and returns false.
   */
  boolean admit(Channel channel) {
    Object peer = peerOf(channel);
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      return refuse(channel);
    }
    if (openByPeer.merge(peer, 1, Integer::sum) > maxPerPeer) {
      release(peer);
      return refuse(channel);
    }
    channel.closeFuture().addListener(closed -> release(peer));
    return true;
  }

  private boolean refuse(Channel channel) {
    refused.increment();
    channel.writeAndFlush(Unpooled.wrappedBuffer(REFUSAL))
        .addListener(ChannelFutureListener.CLOSE);
    return false;
  }

  private void release(Object peer) {
    openByPeer.computeIfPresent(peer, (p, count) -> count == 1 ? null : count - 1);
    open.decrementAndGet();
  }

  /** The peer's IP address, port aside: one host's many connections count together. */
  private static Object peerOf(Channel channel) {
    SocketAddress remote = channel.remoteAddress();
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress() : String.valueOf(remote);
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
