package dev.tugboat.orchestrator;

import java.time.Instant;
import java.util.Optional;

/**
 * What a run knows of one event: when it fired, what its trigger last saw, whether a probe is
 * scheduled or running, once it is sure, why it can never fire, and when its timeout runs out (kept
 * so a restarted daemon re-arms the timeout with the time already spent). {@code startsDeferred}:
 * it fired while other instances of its publisher had not started yet, so its subscribers wait
 * for them.
 */
public record EventState(
    String name, Optional<Instant> firedAt, String lastSeen, boolean probing, String neverReason,
    Optional<Instant> deadlineAt, boolean startsDeferred) {

  static EventState initial(String name) {
    return new EventState(name, Optional.empty(), "", false, "", Optional.empty(), false);
  }

  public boolean fired() {
    return firedAt.isPresent();
  }

  public boolean canNeverFire() {
    return !neverReason.isEmpty();
  }

  EventState fire(Instant at, String seen) {
    return new EventState(name, Optional.of(at), seen, false, "", deadlineAt, startsDeferred);
  }

  EventState seen(String seen, boolean stillProbing) {
    return new EventState(name, firedAt, seen, stillProbing, neverReason, deadlineAt, startsDeferred);
  }

  EventState never(String reason) {
    return new EventState(name, firedAt, lastSeen, false, reason, deadlineAt, startsDeferred);
  }

  EventState probing(boolean value) {
    return new EventState(name, firedAt, lastSeen, value, neverReason, deadlineAt, startsDeferred);
  }

  EventState deferStarts(boolean value) {
    return new EventState(name, firedAt, lastSeen, probing, neverReason, deadlineAt, value);
  }

  EventState deadline(Instant at) {
    return new EventState(name, firedAt, lastSeen, probing, neverReason, Optional.of(at), startsDeferred);
  }
}
