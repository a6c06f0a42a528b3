package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.trigger.TriggerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of the spec: its publisher, what fires it, how long it may take (empty: forever;
 * counted from the publisher's start) and the containers it starts.
 */
public record PlannedEvent(
    String name,
    ContainerKey publisher,
    TriggerSpec trigger,
    Optional<Duration> timeout,
    List<ContainerKey> subscribers) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

  public PlannedEvent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(timeout, "timeout");
    subscribers = List.copyOf(subscribers);
  }

  /** The spec's {@code timeout}: 0 or absent is 600 s, -1 is never. */
  public static Optional<Duration> timeoutFromSpec(long seconds) {
    if (seconds < 0) {
      return Optional.empty();
    }
    return Optional.of(seconds == 0 ? DEFAULT_TIMEOUT : Duration.ofSeconds(seconds));
  }

  /** {@code "Postgres started" (port-listen 5432 on db/postgres)}. */
  public String describe() {
    return "\"" + name + "\" (" + trigger.describe() + " on " + publisher + ")";
  }
}
