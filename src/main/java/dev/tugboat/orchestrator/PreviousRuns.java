package dev.tugboat.orchestrator;

import dev.tugboat.events.PreviousInstance;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerSummary;
import java.util.List;
import java.util.Map;

/**
 * The containers earlier runs of an app left: every container carrying the app's label but not
 * the run's own. Blocking (one list); throws the runtime's failure when the engine does not answer.
 */
final class PreviousRuns {

  private PreviousRuns() {}

  static List<PreviousInstance> find(ContainerRuntime runtime, String app, String runId) {
    return runtime.listByLabels(Map.of(InstanceLabels.APP, app)).stream()
        .filter(c -> !runId.equals(c.labels().get(InstanceLabels.RUN)))
        .map(c -> new PreviousInstance(c.labels().getOrDefault(InstanceLabels.RUN, ""),
            c.id().value(), c.name()))
        .toList();
  }
}
