package dev.tugboat.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether the Docker Engine answers, as the daemon's own periodic ping last found: a value the
 * status reads without asking the engine. Replaced only when the answer changes, so an unchanged
 * engine leaves the status body (and its entity tag) as it was.
 *
 * @param answering false once a ping failed or went unanswered for too long
 * @param since when the engine stopped answering; null while it answers
 * @param reason why it is taken as not answering (the failure's words); empty while it answers
 */
public record EngineStatus(boolean answering, Instant since, String reason) {

  /** Answering, or not asked yet: the status says nothing about the engine. */
  public static final EngineStatus ANSWERING = new EngineStatus(true, null, "");

  public EngineStatus {
    Objects.requireNonNull(reason, "reason");
    if (!answering) {
      Objects.requireNonNull(since, "since");
    }
  }

  public static EngineStatus notAnswering(Instant since, String reason) {
    return new EngineStatus(false, since, reason);
  }

  /** As the status field {@code docker} says it. */
  String describe() {
    return answering ? "reachable" : "not answering since " + since + ": " + reason;
  }
}
