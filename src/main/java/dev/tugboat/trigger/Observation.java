package dev.tugboat.trigger;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the loop knows of a publishing container when it asks a trigger: its instance, whether it
 * runs, how it exited, its own address, its ports and its health. A snapshot: triggers may read it
 * on any thread.
 */
public record Observation(
    ContainerKey container,
    String containerId,
    boolean running,
    OptionalInt exitCode,
    String address,
    List<BoundPort> ports,
    String health) {

  public Observation {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(exitCode, "exitCode");
    ports = List.copyOf(ports);
    containerId = containerId == null ? "" : containerId;
    address = address == null ? "" : address;
    health = health == null ? "" : health;
  }

  public boolean exited() {
    return exitCode.isPresent();
  }
}
