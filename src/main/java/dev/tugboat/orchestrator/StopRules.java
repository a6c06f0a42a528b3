package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.RunEvent;
import java.time.Duration;

/**
 * Stopping: in reverse order of the start plan, so a container stops only once every container its
 * events started has stopped. Nothing new starts once a stop is requested.
 */
final class StopRules {

  private StopRules() {}

  static void stopRequested(StateDraft d, String reason) {
    if (d.stopRequested) {
      return;
    }
    d.stopRequested = true;
    if (d.app == AppPhase.STARTING || d.app == AppPhase.STARTED) {
      d.changeApp(AppPhase.STOPPING, reason, reason);
    }
    for (InstanceState instance : d.instances.values()) {
      if (instance.phase() == InstancePhase.RESTARTING) {
        d.put(instance.withPhase(InstancePhase.STOPPED, "stopped before its restart"));
      }
    }
  }

  static void stopCompleted(StateDraft d, RunEvent.StopCompleted event) {
    InstanceState instance = d.instance(event.container());
    if (!instance.phase().isLive()) {
      return; // its exit came first
    }
    InstanceState stopped = instance.withPhase(InstancePhase.STOPPED, event.problem());
    d.put(stopped);
    Duration ran = instance.startedAt().map(at -> Duration.between(at, d.now))
        .orElse(Duration.ZERO);
    d.decide(new Decision.Finished(event.container(), InstancePhase.STOPPED,
        instance.exitCode().orElse(-1), ran, d.plan.container(event.container()).ephemeral(),
        event.problem().isEmpty() ? "stopped" : event.problem()));
  }

  /**
   * The stop signal went unheeded for the container's whole stop timeout: it is killed, as
   * Docker's own stop would have done. An instance that exited meanwhile, or was replaced, is left
   * alone.
   */
  static void stopTimedOut(StateDraft d, RunEvent.StopTimedOut event) {
    InstanceState instance = d.instance(event.container());
    if (instance.phase() != InstancePhase.STOPPING
        || !event.containerId().equals(instance.containerId())) {
      return;
    }
    Duration timeout = d.plan.container(event.container()).stopTimeout();
    d.decide(new Decision.Stop(instance.key(), Duration.ZERO, "still running "
        + timeout.toSeconds() + " s after its stop signal: killed"));
  }

  /**
   * Stops every running instance once everything downstream of it is down; ends the run when
   * nothing is live.
   */
  static void cascade(StateDraft d) {
    for (ContainerKey key : d.plan.stopOrder()) {
      for (InstanceState instance : d.instancesOf(key)) {
        if (instance.phase() == InstancePhase.RUNNING && subscribersDown(d, key)) {
          d.put(instance.withPhase(InstancePhase.STOPPING, ""));
          d.decide(new Decision.Stop(instance.key(), d.plan.container(key).stopTimeout(),
              subscribersOf(d, key)));
        }
      }
    }
    boolean anyLive = d.instances.values().stream().anyMatch(i -> i.phase().isLive());
    if (!anyLive && d.awaitingOutput.isEmpty() && !d.ended) {
      d.ended = true;
      if (d.app != AppPhase.FAILED) {
        d.app = AppPhase.STOPPED;
        d.message = "stopped";
      }
      d.decide(new Decision.EndRun(d.app, d.message, "no container of the run is live"));
    }
  }

  private static boolean subscribersDown(StateDraft d, ContainerKey key) {
    return d.plan.downstreamOf(key).stream()
        .flatMap(s -> d.instancesOf(s).stream())
        .noneMatch(instance -> instance.phase().isLive());
  }

  private static String subscribersOf(StateDraft d, ContainerKey key) {
    return d.plan.downstreamOf(key).isEmpty()
        ? "the app stops"
        : "the containers its events started have stopped";
  }
}
