package dev.tugboat.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the engine reports about a container, with the engine's timestamp. Engine events the
 * orchestrator does not act on are not delivered.
 */
public sealed interface RuntimeEvent {
  Instant time();

  EventContainer container();

  /** The container was created (not started). */
  record Created(Instant time, EventContainer container) implements RuntimeEvent {}

  /** Its process started; it may still be initializing. */
  record Started(Instant time, EventContainer container) implements RuntimeEvent {}

  /** Its process exited, on its own or stopped or killed. */
  record Died(Instant time, EventContainer container, int exitCode) implements RuntimeEvent {}

  /** Its HEALTHCHECK result changed. */
  record HealthChanged(Instant time, EventContainer container, HealthStatus status)
      implements RuntimeEvent {
    public HealthChanged {
      Objects.requireNonNull(status, "status");
    }
  }

  /** The kernel killed a process of it for lack of memory (a {@link Died} usually follows). */
  record OutOfMemory(Instant time, EventContainer container) implements RuntimeEvent {}

  /** It was removed. */
  record Destroyed(Instant time, EventContainer container) implements RuntimeEvent {}
}
