package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which event starts which container. Roots (containers no event subscribes to) start at once, in
 * parallel; every other container starts on the first of its events that fires. Built once per
 * run, immutable, and printed as stable text that tests and the dashboard compare:
 *
 * <pre>
 * start db/postgres (root)
 * start db-migration/pythonapp &lt;- "Postgres started" (port-listen 5432 on db/postgres)
 * </pre>
 */
public final class StartPlan {

  private final Map<ContainerKey, PlannedContainer> containers;
  private final Map<ContainerKey, Integer> depths;
  private final Map<String, PlannedEvent> events;
  private final Optional<ReadyCheck> ready;
  private final ClusterLayout cluster;

  private StartPlan(
      Map<ContainerKey, PlannedContainer> containers,
      Map<ContainerKey, Integer> depths,
      Map<String, PlannedEvent> events,
      Optional<ReadyCheck> ready,
      ClusterLayout cluster) {
    this.containers = containers;
    this.depths = depths;
    this.events = events;
    this.ready = ready;
    this.cluster = cluster;
  }

  /** Validates and orders; throws {@link PlanException} naming what is wrong. */
  public static StartPlan of(
      List<PlannedContainer> containers, List<PlannedEvent> events, Optional<ReadyCheck> ready) {
    Map<ContainerKey, PlannedContainer> byKey = new LinkedHashMap<>();
    for (PlannedContainer container : containers) {
      if (byKey.putIfAbsent(container.key(), container) != null) {
        throw new PlanException("container " + container.key() + " appears twice; give one a `name`");
      }
    }
    Map<String, PlannedEvent> byName = new LinkedHashMap<>();
    for (PlannedEvent event : events) {
      checkEvent(event, byKey);
      if (byName.putIfAbsent(event.name(), event) != null) {
        throw new PlanException(dev.tugboat.spec.EventSpec.duplicateName(event.name()));
      }
    }
    Map<ContainerKey, Integer> depths = PlanOrder.depths(List.copyOf(byKey.keySet()), events);
    Map<ContainerKey, PlannedContainer> ordered = new LinkedHashMap<>();
    depths.keySet().forEach(key -> ordered.put(key, byKey.get(key)));
    return new StartPlan(ordered, depths, byName, ready, ClusterLayout.none());
  }

  /** The same plan, with the components Swarm runs. */
  StartPlan withCluster(ClusterLayout layout) {
    return new StartPlan(containers, depths, events, ready, layout);
  }

  /** Which components Swarm runs, and how; none without a swarm. */
  public ClusterLayout cluster() {
    return cluster;
  }

  public static StartPlan of(List<PlannedContainer> containers, List<PlannedEvent> events) {
    return of(containers, events, Optional.empty());
  }

  private static void checkEvent(PlannedEvent event, Map<ContainerKey, PlannedContainer> byKey) {
    if (!byKey.containsKey(event.publisher())) {
      throw new PlanException("event \"" + event.name() + "\" is published by " + event.publisher()
          + ", which is not a container of the spec");
    }
    for (ContainerKey subscriber : event.subscribers()) {
      if (!byKey.containsKey(subscriber)) {
        throw new PlanException("event \"" + event.name() + "\" of " + event.publisher()
            + " subscribes " + subscriber + ", which is not a container of the spec");
      }
    }
  }

  /** Every container, in start order (roots first, then by depth, then as the spec lists them). */
  public List<PlannedContainer> containers() {
    return List.copyOf(containers.values());
  }

  /** The container of {@code key}, which may name one of its instances. */
  public PlannedContainer container(ContainerKey key) {
    PlannedContainer container = containers.get(key.whole());
    if (container == null) {
      throw new IllegalArgumentException(key + " is not a container of this plan");
    }
    return container;
  }

  public boolean contains(ContainerKey key) {
    return containers.containsKey(key.whole());
  }

  /** The keys of every instance of every container, in start order, instances in number order. */
  public List<ContainerKey> instanceKeys() {
    List<ContainerKey> keys = new ArrayList<>();
    containers.values().forEach(container -> keys.addAll(container.instanceKeys()));
    return List.copyOf(keys);
  }

  public List<PlannedEvent> events() {
    return List.copyOf(events.values());
  }

  public PlannedEvent event(String name) {
    PlannedEvent event = events.get(name);
    if (event == null) {
      throw new IllegalArgumentException("no event \"" + name + "\" in this plan");
    }
    return event;
  }

  public Optional<ReadyCheck> ready() {
    return ready;
  }

  /** The events that start {@code key} (all its instances), in spec order; empty for a root. */
  public List<PlannedEvent> startersOf(ContainerKey key) {
    return events.values().stream()
        .filter(event -> event.subscribers().contains(key.whole()))
        .collect(Collectors.toUnmodifiableList());
  }

  /** The events {@code key} publishes (every instance of it publishes them). */
  public List<PlannedEvent> publishedBy(ContainerKey key) {
    return events.values().stream()
        .filter(event -> event.publisher().equals(key.whole()))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Containers started by events {@code key} publishes: they stop before it does. */
  public Set<ContainerKey> subscribersOf(ContainerKey key) {
    Set<ContainerKey> subscribers = new HashSet<>();
    publishedBy(key).forEach(event -> subscribers.addAll(event.subscribers()));
    return Set.copyOf(subscribers);
  }

  /**
   * Every container that an event chain from {@code key} starts (its subscribers, theirs, ...):
   * they stop before it does, since they may use it.
   */
  public Set<ContainerKey> downstreamOf(ContainerKey key) {
    Set<ContainerKey> seen = new HashSet<>();
    java.util.ArrayDeque<ContainerKey> todo = new java.util.ArrayDeque<>(subscribersOf(key.whole()));
    while (!todo.isEmpty()) {
      ContainerKey next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(subscribersOf(next));
      }
    }
    return Set.copyOf(seen);
  }

  public boolean isRoot(ContainerKey key) {
    return startersOf(key).isEmpty();
  }

  /** Length of the longest chain of events from a root to {@code key}. */
  public int depth(ContainerKey key) {
    return depths.get(key.whole());
  }

  /** Stop order: the reverse of the start order, subscribers before their publishers. */
  public List<ContainerKey> stopOrder() {
    List<ContainerKey> order = new ArrayList<>(containers.keySet());
    java.util.Collections.reverse(order);
    return List.copyOf(order);
  }

  /** One line per container in start order, then the ready check. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    for (PlannedContainer container : containers.values()) {
      text.append(line(container)).append('\n');
    }
    ready.ifPresent(check -> text.append("ready <- ").append(check.description()).append('\n'));
    return text.toString();
  }

  private String line(PlannedContainer container) {
    String what = "start ";
    String instances = container.instances() == 1 ? "" : " x" + container.instances();
    if (container.skipped()) {
      return "skip " + container.key() + instances + " (when is false)";
    }
    List<PlannedEvent> starters = startersOf(container.key());
    if (starters.isEmpty()) {
      return what + container.key() + instances + " (root)";
    }
    return what + container.key() + instances + " <- "
        + starters.stream().map(PlannedEvent::describe).collect(Collectors.joining(" or "));
  }

  @Override
  public String toString() {
    return toText();
  }
}
