package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.ObservedInstance;
import dev.tugboat.events.RunEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Converging on what Docker holds, looked at on the run's period while Docker answered all along
 * (level-driven: never trust that every event arrived). Each difference is handled as the event
 * that would have told it: an instance found exited counts as its die, with its real code and
 * time; one whose container is gone as removed outside Tugboat ({@link ExitRules#removed}); a
 * health status that changed as that change; an instance nothing accounts for is removed, as at
 * recovery. Nothing found that the state does not already say changes nothing, so the loop need
 * not journal the look.
 *
 * <p>Unlike a look after an outage, an instance that stopped is one missed event, not an engine
 * that stopped everything: its restart policy applies, as on a die, and the run is not
 * interrupted.
 */
final class ResyncRules {

  private ResyncRules() {}

  static void resynced(StateDraft d, RunEvent.InstancesResynced event) {
    if (!d.dockerLost.isEmpty()) {
      return; // the look after the outage converges; this one may predate it
    }
    Map<String, ObservedInstance> ours = new HashMap<>();
    for (ObservedInstance seen : event.instances()) {
      Optional<String> unclaimed = RecoveryRules.unclaimed(d, seen);
      if (unclaimed.isPresent()) {
        d.decide(new Decision.RemoveInstance(seen.containerId(), seen.name(), unclaimed.get()));
      } else if (seen.runId().equals(d.runId)) {
        ours.put(seen.containerId(), seen);
      }
    }
    for (ContainerKey key : d.plan.instanceKeys()) {
      InstanceState instance = d.instance(key);
      if (instance.containerId().isEmpty()) {
        continue; // not created yet, or its container already known to be gone
      }
      ObservedInstance seen = ours.get(instance.containerId());
      switch (instance.phase()) {
        case RUNNING, STOPPING -> live(d, instance, seen);
        case RESTARTING, COMPLETED, FAILED, STOPPED -> {
          if (seen == null) {
            ExitRules.removed(d, instance);
          }
        }
        default -> { } // a launch under way reports back itself
      }
    }
  }

  private static void live(StateDraft d, InstanceState instance, ObservedInstance seen) {
    if (seen == null) {
      ExitRules.removed(d, instance);
    } else if (seen.status() == ObservedInstance.Status.EXITED) {
      ExitRules.exited(d, new RunEvent.ContainerExited(seen.containerId(), seen.exitCode(),
          Optional.ofNullable(seen.finishedAt()).orElse(d.now)));
    } else if (!seen.health().isEmpty() && !seen.health().equals(instance.health())) {
      ExitRules.health(d, new RunEvent.ContainerHealthChanged(seen.containerId(), seen.health()));
    }
  }
}
