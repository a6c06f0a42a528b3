package dev.tugboat.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Rules about the order containers start in: cycles, containers that never start, volumes_from. */
final class GraphRules {
  private GraphRules() {}

  static List<ValidationRule> all() {
    return List.of(
        ValidationRule.of("event-cycle", GraphRules::eventCycle),
        ValidationRule.of("unreachable-container", GraphRules::unreachableContainer),
        ValidationRule.of("volumes-from", GraphRules::volumesFrom));
  }

  static void eventCycle(AppSpec spec, Findings findings) {
    EventGraph graph = EventGraph.of(spec);
    for (List<String> cycle : graph.cycles()) {
      String printed = cycle.stream().map(graph::label).collect(Collectors.joining(" -> "));
      String publisher = cycle.get(cycle.size() - 2);
      String closing = closingSubscription(spec, graph, publisher, cycle.get(cycle.size() - 1))
          .orElse(cycle.get(0));
      findings.error(closing, "containers wait on each other's events in a cycle, so none of"
          + " them starts: " + printed + "; remove one subscription to break it");
    }
  }

  /**
   * The path of the first subscription of {@code publisher}'s events that starts {@code target}:
   * the one that closes a cycle, which is where the vendor edits to break it.
   */
  private static Optional<String> closingSubscription(AppSpec spec, EventGraph graph,
      String publisher, String target) {
    for (LocatedEvent located : SpecWalk.events(spec)) {
      if (!located.path().startsWith(publisher + ".")) {
        continue;
      }
      List<SubscriptionSpec> subscriptions = located.event().subscriptions();
      for (int i = 0; i < subscriptions.size(); i++) {
        if (graph.pathOf(subscriptions.get(i).target()).filter(target::equals).isPresent()) {
          return Optional.of(located.child("subscriptions[" + i + "]"));
        }
      }
    }
    return Optional.empty();
  }

  static void unreachableContainer(AppSpec spec, Findings findings) {
    EventGraph graph = EventGraph.of(spec);
    Set<String> startable = graph.startable();
    Set<String> inCycles = new HashSet<>();
    graph.cycles().forEach(inCycles::addAll);
    for (String path : graph.nodes()) {
      if (startable.contains(path) || inCycles.contains(path)) {
        continue;
      }
      String publishers = graph.publishersOf(path).stream().sorted(new SpecPathOrder())
          .map(graph::label).collect(Collectors.joining(", "));
      findings.error(path, "container " + graph.label(path) + " never starts: it waits only on"
          + " events of " + publishers + ", which never start themselves");
    }
  }

  static void volumesFrom(AppSpec spec, Findings findings) {
    EventGraph graph = EventGraph.of(spec);
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      List<String> sources = located.value().volumesFrom();
      for (int i = 0; i < sources.size(); i++) {
        checkVolumesFrom(graph, located, sources.get(i), located.child("volumes_from[" + i + "]"), findings);
      }
    }
  }

  private static void checkVolumesFrom(
      EventGraph graph, Located<ContainerSpec> located, String source, String path, Findings findings) {
    ContainerSpec container = located.value();
    Optional<String> sourcePath = graph.pathOf(new ContainerRef(container.component(), source));
    if (sourcePath.isEmpty()) {
      findings.error(path, "volumes_from of container " + container.ref() + " names " + source
          + ", which is not a container of component " + container.component());
    } else if (sourcePath.get().equals(located.path())) {
      findings.error(path, "container " + container.ref() + " names itself in volumes_from");
    } else if (!graph.startsBefore(sourcePath.get(), located.path())) {
      findings.error(path, "container " + container.ref() + " mounts the volumes of "
          + graph.label(sourcePath.get()) + ", which does not start before it; subscribe "
          + container.ref() + " to an event of " + graph.label(sourcePath.get()));
    }
  }
}
