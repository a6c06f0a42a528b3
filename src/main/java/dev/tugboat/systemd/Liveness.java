package dev.tugboat.systemd;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A part of the service that the watchdog asks whether it still works. {@code probe} posts a no-op
 * to it (to the thread or event loop that must not be stuck) and completes when the part ran it;
 * the part counts as stuck when a probe is unanswered for {@code patience} or fails.
 *
 * @param name what the part is, for the log: "the app supervisor"
 */
public record Liveness(String name, Supplier<CompletableFuture<?>> probe, Duration patience) {

  public Liveness {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(probe, "probe");
    if (patience.isNegative() || patience.isZero()) {
      throw new IllegalArgumentException("the patience for " + name + " must be positive, not "
          + patience);
    }
  }
}
