package dev.tugboat.api;

import io.netty.channel.Channel;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;

/**
 * The answers a connection waits for that can take longer than the idle timeout: a snapshot, a
 * restore, an apply or a rollback answer once the app's data is copied, which can take an hour.
 * Such a connection is silent while the daemon works, not idle: {@link ApiHandler} keeps it open
 * until the answer was sent. Counted on the connection's event loop only.
 */
final class LongAnswers {

  private static final AttributeKey<Integer> PENDING =
      AttributeKey.valueOf(LongAnswers.class, "pending");

  private LongAnswers() {}

  /** A long answer is awaited on {@code channel}; call on its event loop. */
  static void begin(Channel channel) {
    Attribute<Integer> pending = channel.attr(PENDING);
    Integer now = pending.get();
    pending.set(now == null ? 1 : now + 1);
  }

  /** The answer was sent (or failed); call on its event loop. */
  static void end(Channel channel) {
    Attribute<Integer> pending = channel.attr(PENDING);
    Integer now = pending.get();
    pending.set(now == null || now <= 1 ? null : now - 1);
  }

  static boolean awaited(Channel channel) {
    return channel.attr(PENDING).get() != null;
  }
}
