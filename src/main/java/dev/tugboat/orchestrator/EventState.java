package dev.tugboat.orchestrator;

import java.time.Instant;
import java.util.Optional;

/**
 * What a run knows of one event: when it fired, what its trigger last saw, whether a probe is
 * scheduled or running, and, once it is sure, why it can never fire.
 */
public record EventState(
    String name, Optional<Instant> firedAt, String lastSeen, boolean probing, String neverReason) {

  static EventState initial(String name) {
    return new EventState(name, Optional.empty(), "", false, "");
  }

  public boolean fired() {
    return firedAt.isPresent();
  }

  public boolean canNeverFire() {
    return !neverReason.isEmpty();
  }

  EventState fire(Instant at, String seen) {
    return new EventState(name, Optional.of(at), seen, false, "");
  }

  EventState seen(String seen, boolean stillProbing) {
    return new EventState(name, firedAt, seen, stillProbing, neverReason);
  }

  EventState never(String reason) {
    return new EventState(name, firedAt, lastSeen, false, reason);
  }

  EventState probing(boolean value) {
    return new EventState(name, firedAt, lastSeen, value, neverReason);
  }
}
