package dev.tugboat.orchestrator;

import dev.tugboat.events.Decision;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Removes containers a step decided to remove, and returns once all are gone. A removal comes
 * from a run's start (what earlier runs left), recovery or the resync, and a launch decided in
 * the same step may reuse a removed instance's name, so the loop waits for them. Several are
 * removed at once: one after another, a restart of an app of 50 containers waited 50 removals
 * before its first create.
 */
final class InstanceRemovals {

  private final ContainerRuntime runtime;
  private final Executor workers;

  InstanceRemovals(ContainerRuntime runtime, Executor workers) {
    this.runtime = runtime;
    this.workers = workers;
  }

  void removeAll(List<Decision.RemoveInstance> removals) {
    if (removals.size() == 1) {
      remove(removals.get(0));
    } else if (!removals.isEmpty()) {
      CompletableFuture.allOf(removals.stream()
          .map(removal -> CompletableFuture.runAsync(() -> remove(removal), workers))
          .toArray(CompletableFuture[]::new)).join();
    }
  }

  private void remove(Decision.RemoveInstance removal) {
    try {
      runtime.remove(ContainerId.of(removal.containerId()));
    } catch (RuntimeFailure e) {
      // The next look at Docker finds it again and decides again.
    }
  }
}
