package dev.tugboat.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which node an operator means by an id, an id prefix or a hostname. */
class NodeNamesTest {

  private final ClusterNode manager = InMemoryClusterNodes.node("abc123manager", "host",
      ClusterNode.Role.MANAGER, "172.17.0.1");
  private final ClusterNode one = InMemoryClusterNodes.node("abd456worker1", "tugboat-worker-1",
      ClusterNode.Role.WORKER, "172.17.0.2");
  private final ClusterNode two = InMemoryClusterNodes.node("xyz789worker2", "tugboat-worker-2",
      ClusterNode.Role.WORKER, "172.17.0.3");
  private final List<ClusterNode> nodes = List.of(manager, one, two);

  @Test
  void anIdAHostnameOrAnUnambiguousPrefixNameANode() {
    assertThat(NodeNames.resolve(nodes, "abd456worker1")).isEqualTo(one);
    assertThat(NodeNames.resolve(nodes, "tugboat-worker-2")).isEqualTo(two);
    assertThat(NodeNames.resolve(nodes, "abc")).isEqualTo(manager);
  }

  @Test
  void anAmbiguousPrefixNamesTheCandidates() {
    assertThatThrownBy(() -> NodeNames.resolve(nodes, "ab"))
        .isInstanceOfSatisfying(RuntimeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.AMBIGUOUS_NODE))
        .hasMessage("'ab' starts the ids of 2 nodes: type more of the id"
            + " (abc123manager host, abd456worker1 tugboat-worker-1)");
  }

  @Test
  void twoNodesOfOneHostnameAreNamedByTheirIds() {
    ClusterNode again = InMemoryClusterNodes.node("def000", "tugboat-worker-1",
        ClusterNode.Role.WORKER, "");
    assertThatThrownBy(() -> NodeNames.resolve(List.of(one, again), "tugboat-worker-1"))
        .hasMessage("2 nodes have the hostname 'tugboat-worker-1': name one by its id"
            + " (abd456worker1 tugboat-worker-1, def000 tugboat-worker-1)");
  }

  @Test
  void anUnknownNodeListsTheNodes() {
    assertThatThrownBy(() -> NodeNames.resolve(nodes, "db-host"))
        .isInstanceOfSatisfying(RuntimeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.NO_SUCH_NODE))
        .hasMessage("no node of the swarm has the hostname, id or id prefix 'db-host' (the nodes:"
            + " host abc123manage, tugboat-worker-1 abd456worker, tugboat-worker-2"
            + " xyz789worker)");
  }
}
