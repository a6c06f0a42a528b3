package dev.tugboat.orchestrator;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.ObservedInstance;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at every instance carrying the app's labels, whichever run made it, and reports each as
 * the engine shows it now. Blocking (a list, then an inspect per instance); call it on a worker.
 * Throws the runtime's failure when the engine does not answer.
 */
final class InstanceObserver {

  private InstanceObserver() {}

  static List<ObservedInstance> observe(ContainerRuntime runtime, String app) {
    List<ObservedInstance> seen = new ArrayList<>();
    for (ContainerSummary summary : runtime.listByLabels(Map.of(InstanceLabels.APP, app))) {
      Optional<ContainerKey> key = InstanceLabels.keyOf(summary.labels());
      String runId = summary.labels().get(InstanceLabels.RUN);
      if (key.isEmpty() || runId == null) {
        continue; // not made by a run (someone copied our labels); not ours to judge
      }
      runtime.inspect(summary.id()).ifPresent(info -> seen.add(of(runId, key.get(), info)));
    }
    return List.copyOf(seen);
  }

  static ObservedInstance of(String runId, ContainerKey key, ContainerInfo info) {
    ObservedInstance.Status status = switch (info.state()) {
      case CREATED -> info.startedAt().isPresent()
          ? ObservedInstance.Status.EXITED : ObservedInstance.Status.CREATED;
      case RUNNING, PAUSED, RESTARTING -> ObservedInstance.Status.RUNNING;
      case REMOVING, EXITED, DEAD -> ObservedInstance.Status.EXITED;
    };
    String health = info.health() == HealthStatus.NONE ? ""
        : info.health().name().toLowerCase(Locale.ROOT);
    return new ObservedInstance(runId, key, info.id().value(), info.name(), status,
        info.startedAt().orElse(null), info.finishedAt().orElse(null),
        info.exitCode().orElse(-1), info.ipAddress().orElse(""), boundPorts(info), health);
  }

  /** The ports the engine bound for an instance, as run events carry them. */
  static List<BoundPort> boundPorts(ContainerInfo info) {
    return info.publishedPorts().stream()
        .map(p -> new BoundPort(p.containerPort(), p.protocol().name().toLowerCase(Locale.ROOT),
            p.hostAddress(), p.hostPort()))
        .toList();
  }
}
