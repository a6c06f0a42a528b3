package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ClusterNode;
import dev.tugboat.runtime.ServicePlacement;
import java.util.List;
import java.util.Objects;

/**
 * How Swarm runs a clustered component: every container of it as a service of {@code replicas}
 * tasks, at most one per node, on the nodes {@code constraints} allow ({@code nodes}, in the
 * swarm's node order).
 *
 * @param component the component's name
 * @param replicas tasks per container: the nodes allowed, capped by {@code cluster_host_count}'s
 *     {@code max}
 * @param constraints Swarm placement constraints from its {@code tags} and {@code conflicts}
 * @param nodes the nodes Swarm may place its tasks on
 * @param network the app's overlay network
 */
public record ComponentPlacement(String component, int replicas, List<String> constraints,
    List<ClusterNode> nodes, String network) {

  public ComponentPlacement {
    Objects.requireNonNull(component, "component");
    constraints = List.copyOf(constraints);
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(network, "network");
  }

  /**
   * The address of every node Swarm may place a task on, in the swarm's node order: what {@code
   * NodePrivateIPAddressAll} answers, known before any task runs (so a clustered database's seed
   * list can name its own nodes) and the same for every task. Swarm may report a manager's address
   * as {@code 0.0.0.0} (it listens on every interface): that node is this host, {@code thisHost}.
   */
  public List<String> nodeAddresses(String thisHost) {
    return nodes.stream().map(ClusterNode::address)
        .map(address -> address.isEmpty() || address.equals("0.0.0.0") ? thisHost : address)
        .toList();
  }

  /**
   * Where instance {@code key} of a container of this component runs. Swarm restarts a task as the
   * container's {@code restart} says, so the loop restarts none itself; a job's failed task is not
   * run again unless {@code on-failure} asks for it.
   */
  ServicePlacement placement(String app, ContainerKey key, boolean ephemeral,
      RestartPolicy restart) {
    ServicePlacement.Restart condition = switch (restart.kind()) {
      case ALWAYS -> ephemeral ? ServicePlacement.Restart.ON_FAILURE : ServicePlacement.Restart.ANY;
      case ON_FAILURE -> ServicePlacement.Restart.ON_FAILURE;
      case NEVER -> ServicePlacement.Restart.NONE;
    };
    int attempts = restart.kind() == RestartPolicy.Kind.ON_FAILURE ? restart.max() : 0;
    return new ServicePlacement(ServiceNames.service(app, key.withInstance(0)), replicas,
        key.instance() == 0 ? 1 : key.instance(), constraints, ephemeral, condition, attempts,
        network, replicas > 1 ? InstanceLabels.INSTANCE : "");
  }
}
