package dev.tugboat.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory swarm behaves as ClusterNodes says: tags as labels, managers only. */
class InMemoryClusterNodesTest {

  @Test
  void tagAndUntagChangeTheLabelsOnceAndKeepTheRest() {
    InMemoryClusterNodes swarm = InMemoryClusterNodes.manager(
        InMemoryClusterNodes.node("m1", "host", ClusterNode.Role.MANAGER, "10.0.0.1"),
        InMemoryClusterNodes.node("w1", "tugboat-worker-1", ClusterNode.Role.WORKER, "10.0.0.2"));
    swarm.tag("tugboat-worker-1", Set.of("db", "ssd"));
    swarm.tag("w1", Set.of("db"));
    assertThat(swarm.writes()).isEqualTo(1);
    assertThat(swarm.nodes().get(1).tags()).containsExactly("db", "ssd");
    swarm.untag("w1", Set.of("db", "never"));
    assertThat(swarm.nodes().get(1).tags()).containsExactly("ssd");
    assertThatThrownBy(() -> swarm.tag("w1", Set.of("a b"))).isInstanceOf(
        IllegalArgumentException.class);
    assertThat(swarm.writes()).isEqualTo(2);
  }

  @Test
  void anEngineInNoSwarmSaysHowToMakeOne() {
    InMemoryClusterNodes engine = InMemoryClusterNodes.inactive();
    assertThat(engine.membership().name()).isEqualTo("inactive");
    assertThatThrownBy(engine::nodes)
        .isInstanceOfSatisfying(RuntimeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.NOT_A_SWARM_MANAGER))
        .hasMessageContaining("in no swarm").hasMessageContaining("docker swarm init");
  }

  @Test
  void aWorkerSaysToAskAManager() {
    assertThatThrownBy(() -> InMemoryClusterNodes.worker("w9").tag("w9", Set.of("db")))
        .hasMessageContaining("swarm worker (node w9)").hasMessageContaining("manager");
  }
}
