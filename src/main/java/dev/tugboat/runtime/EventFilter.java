package dev.tugboat.runtime;

import java.util.Map;

/**
 * Which container events to receive: those of containers carrying all {@code labels} (empty: all
 * containers). Only new events: a gap in the stream is covered by listing the containers again,
 * never by replaying the engine's past events.
 *
 * @param swarmTasks also the events of Swarm service slots carrying the labels (clustered
 *     containers): Swarm emits none per task, so they are polled, which a run of one host never
 *     needs to pay for
 */
public record EventFilter(Map<String, String> labels, boolean swarmTasks) {
  public EventFilter {
    labels = Values.sortedCopy(labels);
  }

  public static EventFilter all() {
    return new EventFilter(Map.of(), false);
  }

  public static EventFilter labelled(Map<String, String> labels) {
    return new EventFilter(labels, false);
  }

  /** The same filter, the slots of Swarm services included. */
  public EventFilter withSwarmTasks() {
    return new EventFilter(labels, true);
  }
}
