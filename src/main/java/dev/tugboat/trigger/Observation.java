package dev.tugboat.trigger;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ServiceSlot;
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

  /**
   * The port to connect to at {@link #address} for a port a spec names: for a container, its
   * {@link #privatePortFor private port}; for a task of a Swarm service, whose address is its
   * node's (its own on the overlay network is out of this host's reach), the host port the node
   * publishes that private port on.
   */
  public int probePortFor(int port) {
    if (!containerId.isEmpty() && ServiceSlot.isSlot(ContainerId.of(containerId))) {
      return ports.stream().filter(p -> p.privatePort() == port && p.hostPort() != 0)
          .mapToInt(BoundPort::hostPort).findFirst().orElse(port);
    }
    return privatePortFor(port);
  }

  /**
   * The private port to probe for a port a spec names: the port itself where it is a private port
   * of this container; else the private port published on it, where a spec named the public port
   * (the samples map ports to the same number, but not all specs do); else the port itself.
   */
  public int privatePortFor(int port) {
    if (ports.stream().anyMatch(p -> p.privatePort() == port)) {
      return port;
    }
    return ports.stream()
        .filter(p -> p.hostPort() == port)
        .mapToInt(BoundPort::privatePort)
        .findFirst()
        .orElse(port);
  }
}
