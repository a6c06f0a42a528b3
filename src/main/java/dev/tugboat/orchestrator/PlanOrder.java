package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders containers by the events that start them: each container's depth is the longest chain of
 * events from a root, and the order is (depth, position in the spec). A cycle is refused with the
 * chain named, since no container on it could ever start.
 */
final class PlanOrder {

  private PlanOrder() {}

  /** Depth of every container, in start order. */
  static Map<ContainerKey, Integer> depths(List<ContainerKey> keys, List<PlannedEvent> events) {
    Map<ContainerKey, Set<ContainerKey>> next = edges(keys, events);
    Map<ContainerKey, Integer> incoming = new HashMap<>();
    keys.forEach(key -> incoming.put(key, 0));
    next.values().forEach(targets -> targets.forEach(t -> incoming.merge(t, 1, Integer::sum)));
    Map<ContainerKey, Integer> depth = new HashMap<>();
    List<ContainerKey> ready = new ArrayList<>();
    keys.stream().filter(key -> incoming.get(key) == 0).forEach(key -> {
      depth.put(key, 0);
      ready.add(key);
    });
    for (int i = 0; i < ready.size(); i++) {
      ContainerKey from = ready.get(i);
      for (ContainerKey to : next.get(from)) {
        depth.merge(to, depth.get(from) + 1, Math::max);
        if (incoming.merge(to, -1, Integer::sum) == 0) {
          ready.add(to);
        }
      }
    }
    if (ready.size() < keys.size()) {
      throw new PlanException(describeCycle(keys, next, new java.util.HashSet<>(ready), events));
    }
    Map<ContainerKey, Integer> ordered = new LinkedHashMap<>();
    keys.stream()
        .sorted(Comparator.comparing((ContainerKey key) -> depth.get(key))
            .thenComparing(keys::indexOf))
        .forEach(key -> ordered.put(key, depth.get(key)));
    return ordered;
  }

  private static Map<ContainerKey, Set<ContainerKey>> edges(
      List<ContainerKey> keys, List<PlannedEvent> events) {
    Map<ContainerKey, Set<ContainerKey>> next = new HashMap<>();
    keys.forEach(key -> next.put(key, new LinkedHashSet<>()));
    events.forEach(event -> next.get(event.publisher()).addAll(event.subscribers()));
    return next;
  }

  private static String describeCycle(
      List<ContainerKey> keys,
      Map<ContainerKey, Set<ContainerKey>> next,
      Set<ContainerKey> ordered,
      List<PlannedEvent> events) {
    // Every container left unordered has a publisher that is also unordered: walking publishers
    // backwards from one must come round to a container already seen.
    ContainerKey start = keys.stream().filter(key -> !ordered.contains(key)).findFirst().orElseThrow();
    List<ContainerKey> path = new ArrayList<>();
    ContainerKey at = start;
    while (!path.contains(at)) {
      path.add(at);
      ContainerKey to = at;
      at = keys.stream()
          .filter(key -> !ordered.contains(key) && next.get(key).contains(to))
          .findFirst()
          .orElseThrow();
    }
    List<ContainerKey> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
    cycle.add(at);
    java.util.Collections.reverse(cycle);
    StringBuilder text = new StringBuilder("events start containers in a cycle, so none of them can start: ");
    for (int i = 0; i + 1 < cycle.size(); i++) {
      text.append(cycle.get(i)).append(" -> ")
          .append('"').append(eventBetween(events, cycle.get(i), cycle.get(i + 1))).append("\" -> ");
    }
    return text.append(cycle.get(cycle.size() - 1))
        .append("; remove one of these subscriptions").toString();
  }

  private static String eventBetween(List<PlannedEvent> events, ContainerKey from, ContainerKey to) {
    return events.stream()
        .filter(event -> event.publisher().equals(from) && event.subscribers().contains(to))
        .map(PlannedEvent::name)
        .findFirst()
        .orElseThrow();
  }
}
