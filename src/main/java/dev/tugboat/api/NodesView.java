package dev.tugboat.api;

import java.util.List;
import java.util.Map;

/**
 * The swarm's nodes as {@code GET /api/v1/nodes} shows them. {@code swarm}: {@code manager},
 * {@code worker} or {@code inactive}; {@code message} says what that means for the operator (empty
 * on a manager). On an engine in no swarm or a worker, {@code nodes} is this host alone. {@code
 * unplaced_tasks}: the apps' tasks the scheduler has put on no node yet.
 */
public record NodesView(String swarm, String message, List<Node> nodes, List<Task> unplacedTasks) {

  /**
   * One node. {@code role}: {@code manager}, {@code worker}, or {@code host} (no swarm); {@code
   * state}: {@code ready}, {@code down} or {@code unknown}; {@code availability}: {@code active},
   * {@code pause} or {@code drain}; {@code address}: the address it talks to the swarm from;
   * {@code labels} sorted by name; {@code tasks}: the apps' Swarm tasks on it; {@code containers}:
   * the app's plain containers, on the daemon's own host only.
   */
  public record Node(String id, String hostname, String role, boolean leader, String availability,
      String state, String address, String engineVersion, List<String> tags,
      Map<String, String> labels, List<Task> tasks, List<Container> containers) {

    public Node {
      tags = List.copyOf(tags);
      labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
      tasks = List.copyOf(tasks);
      containers = List.copyOf(containers);
    }

    /** The same node with the daemon's own containers on it. */
    public Node withContainers(List<Container> onIt) {
      return new Node(id, hostname, role, leader, availability, state, address, engineVersion,
          tags, labels, tasks, onIt);
    }
  }

  /**
   * A container of the app's current run that Docker has (created, running or ended): its Docker
   * name, the spec's container ({@code component/image}) and its state as the status says it.
   */
  public record Container(String name, String container, String state) {}

  /** A task of an app's Swarm service: {@code state} as Docker names it ({@code running}...). */
  public record Task(String id, String service, String app, String state) {}

  public NodesView {
    nodes = List.copyOf(nodes);
    unplacedTasks = List.copyOf(unplacedTasks);
  }
}
