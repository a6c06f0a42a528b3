package dev.tugboat.runtime;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containers of an {@link InMemoryRuntime}, found by id or name as the engine finds them.
 * Used with the runtime's lock held.
 */
final class InMemoryContainers {
  private final Map<ContainerId, InMemoryContainer> byId = new LinkedHashMap<>();

  void add(InMemoryContainer c) {
    byId.put(c.id, c);
  }

  void remove(InMemoryContainer c) {
    byId.remove(c.id);
  }

  Collection<InMemoryContainer> all() {
    return List.copyOf(byId.values());
  }

  /** By id, or by name as the engine also accepts. */
  Optional<InMemoryContainer> lookup(ContainerId id) {
    return Optional.ofNullable(byId.get(id)).or(() -> named(id.value()));
  }

  InMemoryContainer find(ContainerId id) {
    return lookup(id).orElseThrow(() -> RuntimeFailure.noSuchContainer(id));
  }

  Optional<InMemoryContainer> named(String name) {
    return byId.values().stream().filter(c -> c.name.equals(name)).findFirst();
  }

  /** For test assertions: fails naming the containers there are. */
  InMemoryContainer byName(String name) {
    return named(name).orElseThrow(() -> new IllegalArgumentException("no container named " + name
        + " was created; created: " + byId.values().stream().map(c -> c.name).toList()));
  }

  boolean isListening(String address, int port) {
    return byId.values().stream().anyMatch(c -> c.state == ContainerState.RUNNING
        && c.probeAddress().equals(address) && c.listening.contains(port));
  }

  Optional<Instant> nextDue() {
    return byId.values().stream().flatMap(c -> c.pending.stream())
        .map(InMemoryContainer.Scheduled::at).min(Comparator.naturalOrder());
  }
}
