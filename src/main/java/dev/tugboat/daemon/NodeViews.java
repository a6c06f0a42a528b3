package dev.tugboat.daemon;

import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.NodesView;
import dev.tugboat.runtime.ClusterNode;
import dev.tugboat.runtime.ClusterTask;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The swarm's nodes and the apps' tasks as the API shows them: each task under its node. */
final class NodeViews {

  static final String NO_SWARM = "this Docker Engine is in no swarm: an app of plain containers"
      + " runs on this host alone and needs none. To run clustered components over several"
      + " hosts, make this host a manager with `docker swarm init` and join the others with the"
      + " `docker swarm join` command it prints.";

  private NodeViews() {}

  /**
   * A manager's view: every node with its tasks, and this host's node ({@code thisNode}) with the
   * app's containers too, which run where the daemon runs.
   */
  static NodesView ofSwarm(List<ClusterNode> nodes, List<ClusterTask> tasks, String thisNode,
      List<NodesView.Container> containers) {
    List<NodesView.Node> views = nodes.stream().map(node -> of(node, tasks.stream()
        .filter(task -> task.nodeId().equals(node.id())).toList()))
        .map(node -> node.id().equals(thisNode) ? node.withContainers(containers) : node)
        .toList();
    List<NodesView.Task> unplaced = tasks.stream()
        .filter(task -> nodes.stream().noneMatch(node -> node.id().equals(task.nodeId())))
        .map(NodeViews::of).toList();
    return new NodesView("manager", "", views, unplaced);
  }

  /** An engine in no swarm: this host as its only node, with the app's containers. */
  static NodesView ofHost(LocalNode host) {
    return new NodesView("inactive", NO_SWARM, List.of(new NodesView.Node("", host.hostname(),
        "host", false, "active", "ready", host.address(), "", List.of(), Map.of(), List.of(),
        host.containers())), List.of());
  }

  /** A worker knows only itself: this host, and {@code message} saying to ask a manager. */
  static NodesView ofWorker(String nodeId, LocalNode host, String message) {
    return new NodesView("worker", message, List.of(new NodesView.Node(nodeId, host.hostname(),
        "worker", false, "active", "ready", host.address(), "", List.of(), Map.of(), List.of(),
        host.containers())), List.of());
  }

  /** The containers of the app's current run that Docker has, as its status shows them. */
  static List<NodesView.Container> containersOf(AppSnapshot snapshot) {
    if (snapshot == null || snapshot.run() == null) {
      return List.of();
    }
    return snapshot.run().containers().stream()
        .filter(c -> c.containerId() != null && !c.containerId().isEmpty())
        .map(c -> new NodesView.Container(c.instanceName(), c.container(), c.state()))
        .toList();
  }

  static NodesView.Node of(ClusterNode node, List<ClusterTask> tasks) {
    return new NodesView.Node(node.id(), node.hostname(), word(node.role()), node.leader(),
        word(node.availability()), word(node.state()), node.address(), node.engineVersion(),
        List.copyOf(node.tags()), node.labels(), tasks.stream().map(NodeViews::of).toList(),
        List.of());
  }

  private static NodesView.Task of(ClusterTask task) {
    return new NodesView.Task(task.id(), task.service(), task.app(), task.state());
  }

  private static String word(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
