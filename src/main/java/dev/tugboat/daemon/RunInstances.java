package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.runtime.ContainerId;
import java.util.stream.Collectors;

/** The engine's container of a run's container key, for the calls that act on one (logs, admin). */
final class RunInstances {

  private RunInstances() {}

  /** Refused, naming the run's containers, when it has no such key or no instance of it yet. */
  static ContainerId idOf(AppSnapshot snapshot, String key) {
    RunStatus run = snapshot.run();
    RunStatus.ContainerStatus container = run == null ? null : run.container(key).orElse(null);
    if (container == null) {
      String listed = run == null || run.containers().isEmpty() ? "" : "; its containers: "
          + run.containers().stream().map(RunStatus.ContainerStatus::container)
              .collect(Collectors.joining(", "));
      throw new AppRefusal(AppRefusal.Reason.NOT_FOUND, "no container " + key
          + " in the current run" + listed);
    }
    if (container.containerId() == null || container.containerId().isEmpty()) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "container " + key
          + " has no instance yet (it is " + container.state() + ")");
    }
    return ContainerId.of(container.containerId());
  }
}
