package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.spec.EventSpec;
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

  /** The spec's default ({@link EventSpec#timeout()} reads the spec's {@code timeout}). */
  public static final Duration DEFAULT_TIMEOUT =
      Duration.ofSeconds(EventSpec.DEFAULT_TIMEOUT_SECONDS);

  public PlannedEvent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(timeout, "timeout");
    subscribers = List.copyOf(subscribers);
  }

  /** {@code "Postgres started" (port-listen 5432 on db/postgres)}. */
  public String describe() {
    return "\"" + name + "\" (" + trigger.describe() + " on " + publisher + ")";
  }
}
