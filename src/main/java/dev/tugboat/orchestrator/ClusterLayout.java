package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ClusterNode;
import dev.tugboat.runtime.NodeTags;
import dev.tugboat.spec.ComponentSpec;
import dev.tugboat.template.TemplateEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which components of a run Swarm runs, and how: on a Swarm manager, each component whose {@code
 * cluster} renders true. Its {@code tags} become constraints to nodes carrying every tag; its
 * {@code conflicts} (either way round) keep it off the nodes of the other component: the
 * daemon's own node for a component that runs here, the nodes carrying any of the other's tags for
 * a clustered one. It runs on every node allowed, at most {@code cluster_host_count}'s {@code max}
 * (0: no limit), and needs at least its {@code min}. Decided once, when the run is planned, from
 * the nodes as they were then: a node that goes down later still counts, and Swarm keeps its task
 * waiting for a node rather than Tugboat changing the plan of a running app.
 */
public final class ClusterLayout {

  private static final String HOST_COUNT = "cluster_host_count";

  private final Map<String, ComponentPlacement> components;

  private ClusterLayout(Map<String, ComponentPlacement> components) {
    this.components = Map.copyOf(components);
  }

  /** Every component on this host. */
  public static ClusterLayout none() {
    return new ClusterLayout(Map.of());
  }

  /** How Swarm runs the container's component, or empty when it runs on this host. */
  public Optional<ComponentPlacement> of(ContainerKey key) {
    return Optional.ofNullable(components.get(key.component()));
  }

  public boolean isEmpty() {
    return components.isEmpty();
  }

  /** Throws {@link PlanException} naming the field when a key renders wrong or too few nodes fit. */
  static ClusterLayout plan(SpecInputs in, ContainerKeys keys) {
    if (!in.swarm().manager()) {
      return none();
    }
    try {
      return placed(in, keys);
    } catch (Launcher.LaunchException e) {
      throw new PlanException(e.getMessage(), e.getCause());
    }
  }

  private static ClusterLayout placed(SpecInputs in, ContainerKeys keys) {
    TemplateEnvironment env = new RunEnvironment(in.base(), in.host(), keys,
        RunState.nothingStarted(keys.keys(), in.clock().instant()), "the cluster's layout",
        in.clock());
    Map<String, Rendering> renderings = new LinkedHashMap<>();
    Map<String, ComponentSpec> clustered = new LinkedHashMap<>();
    List<ComponentSpec> all = in.spec().components();
    for (int c = 0; c < all.size(); c++) {
      ComponentSpec component = all.get(c);
      Rendering r = new Rendering(in.templates(), env, "components[" + c + "]");
      renderings.put(component.name(), r);
      if (clustered(component, r)) {
        clustered.put(component.name(), component);
      }
    }
    Map<String, ComponentPlacement> placements = new LinkedHashMap<>();
    for (ComponentSpec component : clustered.values()) {
      Rendering r = renderings.get(component.name());
      List<String> tags = tags(component, r);
      List<Avoid> avoids = new ArrayList<>();
      for (String other : conflicting(component, all)) {
        avoids.addAll(apart(component, other, clustered, renderings, in.swarm(), r));
      }
      List<String> constraints = new ArrayList<>();
      tags.forEach(tag -> constraints.add(NodeTags.constraint(tag)));
      avoids.forEach(avoid -> constraints.add(avoid.constraint()));
      List<ClusterNode> allowed = in.swarm().nodes().stream()
          .filter(node -> node.availability() == ClusterNode.Availability.ACTIVE)
          .filter(node -> node.tags().containsAll(tags))
          .filter(node -> avoids.stream().noneMatch(avoid -> avoid.excludes(node)))
          .toList();
      int min = count(component, r, "min", 1);
      int max = count(component, r, "max", 0);
      if (allowed.size() < min) {
        throw new PlanException(r.path(HOST_COUNT + ".min") + ": component " + component.name()
            + " needs at least " + min + " node" + (min == 1 ? "" : "s") + " of the swarm"
            + (tags.isEmpty() ? "" : " tagged " + String.join(", ", tags)) + ", and "
            + allowed.size() + " fit: add nodes to the swarm or tag them (tugboat nodes tag NODE"
            + (tags.isEmpty() ? " TAG" : " " + String.join(" ", tags)) + ")");
      }
      int replicas = max > 0 ? Math.min(max, allowed.size()) : allowed.size();
      placements.put(component.name(), new ComponentPlacement(component.name(), replicas,
          constraints, allowed, ServiceNames.network(in.app())));
    }
    return new ClusterLayout(placements);
  }

  private static boolean clustered(ComponentSpec component, Rendering r) {
    Object raw = component.multiHostOptions().get("cluster");
    return raw != null && InstanceCounts.isOn(r.text(String.valueOf(raw), "cluster"));
  }

  private static List<String> tags(ComponentSpec component, Rendering r) {
    List<String> tags = r.list(component.tags(), "tags");
    for (int i = 0; i < tags.size(); i++) {
      try {
        NodeTags.check(tags.get(i));
      } catch (IllegalArgumentException e) {
        throw new PlanException(r.path("tags[" + i + "]") + ": " + e.getMessage());
      }
    }
    return tags;
  }

  /** The components this one must not share a node with: its conflicts, and those naming it. */
  private static Set<String> conflicting(ComponentSpec component, List<ComponentSpec> all) {
    Set<String> names = new LinkedHashSet<>(component.conflicts());
    all.stream().filter(other -> other.conflicts().contains(component.name()))
        .forEach(other -> names.add(other.name()));
    names.remove(component.name());
    return names;
  }

  /** What keeps a clustered component off a node: as Swarm is told it, and as the plan counts it. */
  private sealed interface Avoid {
    String constraint();

    boolean excludes(ClusterNode node);

    /** The node of that id: the daemon's own, where a conflicting component runs. */
    record Node(String id) implements Avoid {
      @Override
      public String constraint() {
        return "node.id!=" + id;
      }

      @Override
      public boolean excludes(ClusterNode node) {
        return node.id().equals(id);
      }
    }

    /** Every node carrying the tag of a conflicting clustered component. */
    record Tagged(String tag) implements Avoid {
      @Override
      public String constraint() {
        return "node.labels." + NodeTags.label(tag) + "!=true";
      }

      @Override
      public boolean excludes(ClusterNode node) {
        return node.tags().contains(tag);
      }
    }
  }

  private static List<Avoid> apart(ComponentSpec component, String other,
      Map<String, ComponentSpec> clustered, Map<String, Rendering> renderings, SwarmFacts swarm,
      Rendering r) {
    if (!renderings.containsKey(other)) {
      return List.of(); // a conflict with no such component: spec validation warns of it
    }
    if (!clustered.containsKey(other)) {
      return List.of(new Avoid.Node(swarm.localNodeId()));
    }
    List<String> otherTags = tags(clustered.get(other), renderings.get(other));
    if (otherTags.isEmpty()) {
      throw new PlanException(r.path("conflicts") + ": component " + component.name()
          + " must not share a node with " + other + ", which Swarm may place on any node: give "
          + other + " tags, so that Swarm can keep the two apart");
    }
    return otherTags.stream().<Avoid>map(Avoid.Tagged::new).toList();
  }

  private static int count(ComponentSpec component, Rendering r, String key, int absent) {
    Object raw = component.multiHostOptions().get(HOST_COUNT);
    Object value = raw instanceof Map<?, ?> map ? map.get(key) : null;
    if (value == null) {
      return absent;
    }
    String text = r.text(String.valueOf(value), HOST_COUNT + "." + key).trim();
    if (text.isEmpty()) {
      return absent;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new PlanException(r.path(HOST_COUNT + "." + key) + ": the number of nodes must be a "
        + "whole number of at least 0, got \"" + text + "\"");
  }
}
