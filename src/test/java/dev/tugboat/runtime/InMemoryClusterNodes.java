package dev.tugboat.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ClusterNodes} kept in memory: a swarm of the nodes given (or an engine in no swarm, or a
 * worker), tasks placed by hand, and tags changed as the engine would change the labels. Counts
 * the label writes, so tests can tell a no-op from a change. Thread-safe.
 */
public final class InMemoryClusterNodes implements ClusterNodes {

  private SwarmMembership membership;
  private final List<ClusterNode> nodes = new ArrayList<>();
  private final List<ClusterTask> tasks = new ArrayList<>();
  private int writes;

  private InMemoryClusterNodes(SwarmMembership membership) {
    this.membership = membership;
  }

  /** A manager (the first node) with {@code nodes}. */
  public static InMemoryClusterNodes manager(ClusterNode... nodes) {
    InMemoryClusterNodes swarm = new InMemoryClusterNodes(new SwarmMembership.Manager(
        nodes.length == 0 ? "" : nodes[0].id()));
    swarm.nodes.addAll(List.of(nodes));
    return swarm;
  }

  /** An engine in no swarm. */
  public static InMemoryClusterNodes inactive() {
    return new InMemoryClusterNodes(new SwarmMembership.Inactive("inactive"));
  }

  /** A worker: it knows its own id only. */
  public static InMemoryClusterNodes worker(String nodeId) {
    return new InMemoryClusterNodes(new SwarmMembership.Worker(nodeId));
  }

  public static ClusterNode node(String id, String hostname, ClusterNode.Role role,
      String address) {
    return new ClusterNode(id, hostname, role, role == ClusterNode.Role.MANAGER,
        ClusterNode.Availability.ACTIVE, ClusterNode.State.READY, address, "20.10.24",
        Map.of());
  }

  public synchronized InMemoryClusterNodes withTask(ClusterTask task) {
    tasks.add(task);
    return this;
  }

  public synchronized int writes() {
    return writes;
  }

  @Override
  public synchronized SwarmMembership membership() {
    return membership;
  }

  @Override
  public synchronized List<ClusterNode> nodes() {
    requireManager();
    return nodes.stream()
        .sorted(Comparator.comparing((ClusterNode n) -> n.role() != ClusterNode.Role.MANAGER)
            .thenComparing(ClusterNode::hostname))
        .toList();
  }

  @Override
  public synchronized List<ClusterTask> appTasks() {
    requireManager();
    return List.copyOf(tasks);
  }

  @Override
  public synchronized void tag(String node, Set<String> tags) {
    Set<String> checked = NodeTags.checkAll(tags);
    change(node, labels -> NodeTags.added(labels, checked));
  }

  @Override
  public synchronized void untag(String node, Set<String> tags) {
    Set<String> checked = NodeTags.checkAll(tags);
    change(node, labels -> NodeTags.removed(labels, checked));
  }

  private void change(String name,
      java.util.function.UnaryOperator<Map<String, String>> labels) {
    ClusterNode found = NodeNames.resolve(nodes(), name);
    Map<String, String> next = labels.apply(found.labels());
    if (!next.equals(found.labels())) {
      nodes.set(nodes.indexOf(found), found.withLabels(next));
      writes++;
    }
  }

  private void requireManager() {
    if (!(membership instanceof SwarmMembership.Manager)) {
      throw RuntimeFailure.notASwarmManager(membership);
    }
  }
}
