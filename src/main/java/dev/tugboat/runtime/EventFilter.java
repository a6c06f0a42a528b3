package dev.tugboat.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which container events to receive.
 *
 * @param since replay events from this engine time on (to cover a gap); empty: only new ones
 * @param labels only containers carrying all these labels; empty: all containers
 */
public record EventFilter(Optional<Instant> since, Map<String, String> labels) {
  public EventFilter {
    Objects.requireNonNull(since, "since");
    labels = Values.sortedCopy(labels);
  }

  public static EventFilter all() {
    return new EventFilter(Optional.empty(), Map.of());
  }

  public static EventFilter labelled(Map<String, String> labels) {
    return new EventFilter(Optional.empty(), labels);
  }

  public EventFilter since(Instant value) {
    return new EventFilter(Optional.of(value), labels);
  }
}
