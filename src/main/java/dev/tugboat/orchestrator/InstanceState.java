package dev.tugboat.orchestrator;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.trigger.Observation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a run knows of one container's instance. {@code startedBy} is the event that started it
 * ({@code root} for a root); {@code detail} says why it is blocked or failed; {@code waitingOn}
 * names the events that may still start it.
 */
public record InstanceState(
    ContainerKey key,
    InstancePhase phase,
    String containerId,
    String name,
    Optional<Instant> firstStartedAt,
    Optional<Instant> startedAt,
    Optional<Instant> exitedAt,
    OptionalInt exitCode,
    int restarts,
    String address,
    List<BoundPort> ports,
    String health,
    String startedBy,
    List<String> waitingOn,
    String detail,
    List<String> lastOutput) {

  public InstanceState {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(phase, "phase");
    ports = List.copyOf(ports);
    waitingOn = List.copyOf(waitingOn);
    lastOutput = List.copyOf(lastOutput);
  }

  static InstanceState initial(ContainerKey key, InstancePhase phase, List<String> waitingOn) {
    return new InstanceState(key, phase, "", "", Optional.empty(), Optional.empty(),
        Optional.empty(), OptionalInt.empty(), 0, "", List.of(), "", "", waitingOn, "", List.of());
  }

  /** The trigger's view of this instance. */
  public Observation observe() {
    boolean running = phase == InstancePhase.RUNNING;
    return new Observation(key, containerId, running, running ? OptionalInt.empty() : exitCode,
        address, ports, health);
  }

  InstanceState withPhase(InstancePhase newPhase, String newDetail) {
    return new InstanceState(key, newPhase, containerId, name, firstStartedAt, startedAt, exitedAt,
        exitCode, restarts, address, ports, health, startedBy, waitingOn, newDetail, lastOutput);
  }

  InstanceState creating(String by) {
    return new InstanceState(key, InstancePhase.CREATING, containerId, name, firstStartedAt,
        startedAt, exitedAt, exitCode, restarts, address, ports, health, by, List.of(), "",
        lastOutput);
  }

  InstanceState created(String id, String newName) {
    return new InstanceState(key, phase, id, newName, firstStartedAt, startedAt, exitedAt,
        exitCode, restarts, address, ports, health, startedBy, waitingOn, detail, lastOutput);
  }

  InstanceState started(String id, Instant at, String newAddress, List<BoundPort> newPorts) {
    return new InstanceState(key, InstancePhase.RUNNING, id, name,
        Optional.of(firstStartedAt.orElse(at)), Optional.of(at), Optional.empty(),
        OptionalInt.empty(), restarts, newAddress, newPorts, "", startedBy, waitingOn, "",
        lastOutput);
  }

  InstanceState exited(InstancePhase newPhase, int code, Instant at, String newDetail) {
    return new InstanceState(key, newPhase, containerId, name, firstStartedAt, startedAt,
        Optional.of(at), OptionalInt.of(code), restarts, address, ports, health, startedBy,
        waitingOn, newDetail, lastOutput);
  }

  InstanceState restarting() {
    return new InstanceState(key, InstancePhase.RESTARTING, containerId, name, firstStartedAt,
        startedAt, exitedAt, exitCode, restarts + 1, address, ports, health, startedBy, waitingOn,
        detail, lastOutput);
  }

  InstanceState withHealth(String newHealth) {
    return new InstanceState(key, phase, containerId, name, firstStartedAt, startedAt, exitedAt,
        exitCode, restarts, address, ports, newHealth, startedBy, waitingOn, detail, lastOutput);
  }

  InstanceState withOutput(List<String> lines) {
    return new InstanceState(key, phase, containerId, name, firstStartedAt, startedAt, exitedAt,
        exitCode, restarts, address, ports, health, startedBy, waitingOn, detail, lines);
  }
}
