package dev.tugboat.orchestrator;

import java.time.Instant;
import java.util.Optional;

/**
 * What a run knows of one event: when it fired, what its trigger last saw, whether a probe is
 * scheduled or running, once it is sure, why it can never fire, and when its timeout runs out (kept
 * so a restarted daemon re-arms the timeout with the time already spent).
 */
public record EventState(
    String name, Optional<Instant> firedAt, String lastSeen, boolean probing, String neverReason,
    Optional<Instant> deadlineAt) {

  static EventState initial(String name) {
    return new EventState(name, Optional.empty(), "", false, "", Optional.empty());
  }

  public boolean fired() {
    return firedAt.isPresent();
  }

  public boolean canNeverFire() {
    return !neverReason.isEmpty();
  }

  EventState fire(Instant at, String seen) {
    return new EventState(name, Optional.of(at), seen, false, "", deadlineAt);
  }

  EventState seen(String seen, boolean stillProbing) {
    return new EventState(name, firedAt, seen, stillProbing, neverReason, deadlineAt);
  }

  EventState never(String reason) {
    return new EventState(name, firedAt, lastSeen, false, reason, deadlineAt);
  }

  EventState probing(boolean value) {
    return new EventState(name, firedAt, lastSeen, value, neverReason, deadlineAt);
  }

  EventState deadline(Instant at) {
    return new EventState(name, firedAt, lastSeen, probing, neverReason, Optional.of(at));
  }
}
