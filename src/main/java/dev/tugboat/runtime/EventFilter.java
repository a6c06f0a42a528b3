package dev.tugboat.runtime;

import java.util.Map;

/**
 * Which container events to receive: those of containers carrying all {@code labels} (empty: all
 * containers). Only new events: a gap in the stream is covered by listing the containers again,
 * never by replaying the engine's past events.
 */
public record EventFilter(Map<String, String> labels) {
  public EventFilter {
    labels = Values.sortedCopy(labels);
  }

  public static EventFilter all() {
    return new EventFilter(Map.of());
  }

  public static EventFilter labelled(Map<String, String> labels) {
    return new EventFilter(labels);
  }
}
