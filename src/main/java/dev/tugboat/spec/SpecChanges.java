package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * What changes when one spec replaces another, as an operator reviews an upgrade: containers added,
 * removed or changed (image, env, ports, volumes, cmd), and events added or removed. Containers are
 * named {@code component/image_name} ({@code component/name} where two share an image), events
 * {@code "name" (component/container, trigger)}. Made by {@link SpecDiff}.
 */
public record SpecChanges(
    List<String> containersAdded,
    List<String> containersRemoved,
    List<ContainerChange> containersChanged,
    List<String> eventsAdded,
    List<String> eventsRemoved) {

  public SpecChanges {
    containersAdded = List.copyOf(containersAdded);
    containersRemoved = List.copyOf(containersRemoved);
    containersChanged = List.copyOf(containersChanged);
    eventsAdded = List.copyOf(eventsAdded);
    eventsRemoved = List.copyOf(eventsRemoved);
  }

  /** One container in both specs, and each way it differs ({@code image a:1 -> a:2}). */
  public record ContainerChange(String container, List<String> changes) {
    public ContainerChange {
      changes = List.copyOf(changes);
    }
  }

  /** True when the specs run the same containers and events (their names or notes may differ). */
  public boolean none() {
    return containersAdded.isEmpty() && containersRemoved.isEmpty() && containersChanged.isEmpty()
        && eventsAdded.isEmpty() && eventsRemoved.isEmpty();
  }

  /** One line per change, {@code +} added, {@code -} removed, {@code ~} changed. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    containersAdded.forEach(c -> lines.add("+ container " + c));
    containersRemoved.forEach(c -> lines.add("- container " + c));
    containersChanged.forEach(c -> c.changes().forEach(
        change -> lines.add("~ container " + c.container() + ": " + change)));
    eventsAdded.forEach(e -> lines.add("+ event " + e));
    eventsRemoved.forEach(e -> lines.add("- event " + e));
    return List.copyOf(lines);
  }
}
