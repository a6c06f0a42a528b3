package dev.tugboat.spec;

import com.google.common.graph.GraphBuilder;
import com.google.common.graph.Graphs;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.MutableGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which container's events start which container: an edge from a publisher to each container its
 * events subscribe. Nodes are container paths ({@code components[0].containers[1]}), since two
 * containers of a component may share an image. Subscriptions to containers that do not exist add no
 * edge (another rule reports them). A container no event subscribes to is a root: it starts with the
 * app.
 */
public final class EventGraph {
  private final Map<String, ContainerSpec> containers;
  /** Container paths by component name; the first component of a name is the one refs resolve in. */
  private final Map<String, List<String>> byComponent;
  private final ImmutableGraph<String> graph;

  private EventGraph(Map<String, ContainerSpec> containers, ImmutableGraph<String> graph) {
    this.containers = containers;
    this.graph = graph;
    Map<String, String> firstComponentPath = new HashMap<>();
    Map<String, List<String>> paths = new HashMap<>();
    for (String path : containers.keySet()) {
      String componentPath = path.substring(0, path.indexOf('.'));
      String component = containers.get(path).component();
      if (firstComponentPath.putIfAbsent(component, componentPath) == null
          || firstComponentPath.get(component).equals(componentPath)) {
        paths.computeIfAbsent(component, c -> new ArrayList<>()).add(path);
      }
    }
    this.byComponent = paths;
  }

  public static EventGraph of(AppSpec spec) {
    Map<String, ContainerSpec> containers = new LinkedHashMap<>();
    List<Located<ContainerSpec>> located = SpecWalk.containers(spec);
    located.forEach(c -> containers.put(c.path(), c.value()));
    MutableGraph<String> graph = GraphBuilder.directed().allowsSelfLoops(true).build();
    containers.keySet().forEach(graph::addNode);
    EventGraph resolver = new EventGraph(containers, ImmutableGraph.copyOf(graph));
    for (Located<ContainerSpec> publisher : located) {
      for (EventSpec event : publisher.value().publishEvents()) {
        for (SubscriptionSpec subscription : event.subscriptions()) {
          resolver.pathOf(subscription.target())
              .ifPresent(target -> graph.putEdge(publisher.path(), target));
        }
      }
    }
    return new EventGraph(containers, ImmutableGraph.copyOf(graph));
  }

  /**
   * The path of the container {@code ref} names: in the first component of that name, the first
   * container whose {@code image_name} matches, else the first whose {@code name} matches.
   */
  public Optional<String> pathOf(ContainerRef ref) {
    List<String> paths = byComponent.getOrDefault(ref.component(), List.of());
    for (String path : paths) {
      if (containers.get(path).imageName().equals(ref.container())) {
        return Optional.of(path);
      }
    }
    for (String path : paths) {
      String name = containers.get(path).name();
      if (!name.isEmpty() && name.equals(ref.container())) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  /** {@code component/image_name}, as people name a container. */
  public String label(String path) {
    ContainerSpec container = containers.get(path);
    return container.component() + "/" + container.imageName();
  }

  /** Container paths in spec order. */
  public Set<String> nodes() {
    return java.util.Collections.unmodifiableSet(containers.keySet());
  }

  public Set<String> publishersOf(String path) {
    return graph.predecessors(path);
  }

  public boolean isRoot(String path) {
    return graph.inDegree(path) == 0;
  }

  /** True when {@code earlier} must have started (and fired an event) before {@code later} starts. */
  public boolean startsBefore(String earlier, String later) {
    return !earlier.equals(later) && Graphs.reachableNodes(graph, earlier).contains(later);
  }

  /** Every container that some chain of events from a root starts. */
  public Set<String> startable() {
    Set<String> result = new HashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    for (String node : graph.nodes()) {
      if (isRoot(node) && result.add(node)) {
        queue.add(node);
      }
    }
    while (!queue.isEmpty()) {
      for (String next : graph.successors(queue.poll())) {
        if (result.add(next)) {
          queue.add(next);
        }
      }
    }
    return result;
  }

  /**
   * One cycle per group of containers that wait on each other, as paths with the first repeated at
   * the end ({@code a, b, a}), in spec order of their first container.
   */
  public List<List<String>> cycles() {
    List<List<String>> cycles = new ArrayList<>();
    if (!Graphs.hasCycle(graph)) {
      return cycles;
    }
    Set<String> covered = new HashSet<>();
    for (String node : containers.keySet()) {
      if (covered.contains(node)) {
        continue;
      }
      Optional<List<String>> cycle = shortestCycleThrough(node);
      if (cycle.isPresent()) {
        Set<String> group = Graphs.reachableNodes(graph, node);
        for (String member : group) {
          if (Graphs.reachableNodes(graph, member).contains(node)) {
            covered.add(member);
          }
        }
        cycles.add(cycle.get());
      }
    }
    return cycles;
  }

  /** Breadth-first from {@code start}'s successors back to {@code start}. */
  private Optional<List<String>> shortestCycleThrough(String start) {
    Map<String, String> cameFrom = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String current = queue.poll();
      for (String next : graph.successors(current)) {
        if (next.equals(start)) {
          List<String> cycle = new ArrayList<>();
          cycle.add(start);
          for (String step = current; !step.equals(start); step = cameFrom.get(step)) {
            cycle.add(1, step);
          }
          cycle.add(start);
          return Optional.of(cycle);
        }
        if (!cameFrom.containsKey(next)) {
          cameFrom.put(next, current);
          queue.add(next);
        }
      }
    }
    return Optional.empty();
  }
}
