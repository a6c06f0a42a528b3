package dev.tugboat.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** One container of the {@link InMemoryRuntime}: its config, script and current state. */
final class InMemoryContainer {
  /** A script step scheduled at a moment of virtual time. */
  record Scheduled(Instant at, ContainerScript.Step step) {}

  final ContainerId id;
  final String name;
  final ContainerConfig config;
  final ContainerScript script;
  final String address;
  final List<FileToCopy> files = new ArrayList<>();
  final List<LogLine> output = new ArrayList<>();
  final Set<Integer> listening = new HashSet<>();
  final List<Scheduled> pending = new ArrayList<>();
  ContainerState state = ContainerState.CREATED;
  OptionalInt exitCode = OptionalInt.empty();
  Optional<Instant> startedAt = Optional.empty();
  Optional<Instant> finishedAt = Optional.empty();
  HealthStatus health = HealthStatus.NONE;
  boolean oomKilled;

  InMemoryContainer(
      ContainerId id, String name, ContainerConfig config, ContainerScript script, String address) {
    this.id = id;
    this.name = name;
    this.config = config;
    this.script = script;
    this.address = address;
  }

  EventContainer asEventContainer() {
    return new EventContainer(id, name, config.image(), config.labels());
  }

  ContainerSummary summary() {
    return new ContainerSummary(id, name, config.image(), config.labels(), state);
  }

  boolean hostNetwork() {
    return config.networkMode().equals("host");
  }

  ContainerInfo info() {
    boolean running = state == ContainerState.RUNNING;
    Optional<String> ip = Optional.empty();
    if (running) {
      ip = Optional.of(hostNetwork() ? ContainerInfo.HOST_NETWORK_ADDRESS : address);
    }
    List<PublishedPort> published = new ArrayList<>();
    if (running) {
      for (PortMapping port : config.ports()) {
        port.hostBinding().ifPresent(b -> published.add(new PublishedPort(port.containerPort(),
            port.protocol(), b.hostAddress().isEmpty() ? "0.0.0.0" : b.hostAddress(),
            b.enginePicksPort() ? 30000 + port.containerPort() : b.hostPort())));
      }
    }
    String mode = config.networkMode().isEmpty() ? "bridge" : config.networkMode();
    return new ContainerInfo(id, name, config.image(), config.labels(), state, exitCode, startedAt,
        finishedAt, mode, ip, published, health, oomKilled);
  }

  /** The address a probe uses to reach this container's own ports while it runs. */
  String probeAddress() {
    return hostNetwork() ? ContainerInfo.HOST_NETWORK_ADDRESS : address;
  }
}
