package dev.tugboat.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the node an operator means: its full id, else its hostname, else the one node whose id
 * starts with what was typed (as {@code docker node inspect} does).
 */
public final class NodeNames {

  private NodeNames() {}

  /**
   * The node {@code name} means among {@code nodes}; a {@link RuntimeFailure} ({@code
   * NO_SUCH_NODE} or {@code AMBIGUOUS_NODE}) that names the candidates otherwise.
   */
  public static ClusterNode resolve(List<ClusterNode> nodes, String name) {
    if (name == null || name.isBlank()) {
      throw new RuntimeFailure(RuntimeFailure.Kind.NO_SUCH_NODE,
          "name a node: its hostname, id or id prefix (" + names(nodes) + ")");
    }
    for (ClusterNode node : nodes) {
      if (node.id().equals(name)) {
        return node;
      }
    }
    List<ClusterNode> byHostname = nodes.stream().filter(n -> n.hostname().equals(name)).toList();
    if (byHostname.size() == 1) {
      return byHostname.get(0);
    }
    if (byHostname.size() > 1) {
      throw new RuntimeFailure(RuntimeFailure.Kind.AMBIGUOUS_NODE, byHostname.size()
          + " nodes have the hostname '" + name + "': name one by its id (" + ids(byHostname)
          + ")");
    }
    List<ClusterNode> byPrefix = nodes.stream().filter(n -> n.id().startsWith(name)).toList();
    if (byPrefix.size() == 1) {
      return byPrefix.get(0);
    }
    if (byPrefix.size() > 1) {
      throw new RuntimeFailure(RuntimeFailure.Kind.AMBIGUOUS_NODE, "'" + name + "' starts the ids"
          + " of " + byPrefix.size() + " nodes: type more of the id (" + ids(byPrefix) + ")");
    }
    throw new RuntimeFailure(RuntimeFailure.Kind.NO_SUCH_NODE, "no node of the swarm has the"
        + " hostname, id or id prefix '" + name + "' (the nodes: " + names(nodes) + ")");
  }

  private static String ids(List<ClusterNode> nodes) {
    return nodes.stream().sorted(Comparator.comparing(ClusterNode::id))
        .map(n -> n.id() + " " + n.hostname()).collect(Collectors.joining(", "));
  }

  private static String names(List<ClusterNode> nodes) {
    return nodes.isEmpty() ? "none" : nodes.stream()
        .map(n -> n.hostname() + " " + n.id().substring(0, Math.min(12, n.id().length())))
        .collect(Collectors.joining(", "));
  }
}
