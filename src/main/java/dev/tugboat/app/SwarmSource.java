package dev.tugboat.app;

import dev.tugboat.orchestrator.SwarmFacts;
import dev.tugboat.runtime.ClusterNodes;
import dev.tugboat.runtime.SwarmMembership;
import dev.tugboat.spec.AppSpec;
import java.util.function.Supplier;

/**
 * Where a start learns the swarm's nodes: asked of the engine only for a spec with a clustered
 * component, so that an app of one host never waits on, or fails for, a question about Swarm.
 */
@FunctionalInterface
public interface SwarmSource {

  /** The swarm as the engine knows it now; may throw {@code RuntimeFailure}. */
  SwarmFacts find();

  /** No swarm: every component on this host. */
  static SwarmSource none() {
    return SwarmFacts::none;
  }

  /** The engine's: its nodes when it manages a swarm, none otherwise. */
  static SwarmSource of(Supplier<ClusterNodes> engine) {
    return () -> {
      ClusterNodes nodes = engine.get();
      if (nodes.membership() instanceof SwarmMembership.Manager manager) {
        return new SwarmFacts(true, manager.nodeId(), nodes.nodes());
      }
      return SwarmFacts.none();
    };
  }

  /** Whether any component says {@code cluster} at all (a template may still render it false). */
  static boolean mayCluster(AppSpec spec) {
    return spec.components().stream()
        .anyMatch(component -> component.multiHostOptions().containsKey("cluster"));
  }
}
