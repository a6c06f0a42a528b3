package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ClusterNode;
import java.util.List;
import java.util.Objects;

/**
 * The swarm as a run found it when it was planned: whether this engine is a Swarm manager, this
 * node's id, and every node with its labels. Clustered components are given to Swarm only on a
 * manager; elsewhere they run on this host, one host's worth, as without a swarm.
 *
 * @param manager this engine is a manager of a swarm
 * @param localNodeId this engine's node id; empty in no swarm
 * @param nodes every node, in {@link dev.tugboat.runtime.ClusterNodes#nodes()}'s order
 */
public record SwarmFacts(boolean manager, String localNodeId, List<ClusterNode> nodes) {

  public SwarmFacts {
    Objects.requireNonNull(localNodeId, "localNodeId");
    nodes = List.copyOf(nodes);
  }

  /** No swarm: every component runs on this host. */
  public static SwarmFacts none() {
    return new SwarmFacts(false, "", List.of());
  }
}
