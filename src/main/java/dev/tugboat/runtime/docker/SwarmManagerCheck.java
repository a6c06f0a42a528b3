package dev.tugboat.runtime.docker;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the engine manages a swarm, asked of {@code /info} (which every engine answers) at most
 * once every few seconds. A listing of services on an engine in no swarm is refused with 503, and
 * the HTTP client under docker-java waits a second and asks again on a 503 before it gives up: a
 * run's start lists the app's containers two or three times, so a host in no swarm lost two or
 * three seconds to it. An engine that becomes a manager is seen within {@link #FRESH}; a service
 * made here says so at once.
 */
final class SwarmManagerCheck {
  static final Duration FRESH = Duration.ofSeconds(5);

  private record Known(boolean manager, long at) {}

  private final BooleanSupplier ask;
  private final LongSupplier nanos;
  private volatile Known known;

  SwarmManagerCheck(BooleanSupplier ask, LongSupplier nanos) {
    this.ask = ask;
    this.nanos = nanos;
  }

  boolean manages() {
    Known last = known;
    long now = nanos.getAsLong();
    if (last != null && now - last.at() < FRESH.toNanos()) {
      return last.manager();
    }
    boolean manager = ask.getAsBoolean();
    known = new Known(manager, now);
    return manager;
  }

  /** The engine took a swarm call only a manager takes (a service was made). */
  void sawManager() {
    known = new Known(true, nanos.getAsLong());
  }
}
