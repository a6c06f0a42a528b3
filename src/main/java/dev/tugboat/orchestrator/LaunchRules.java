package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.PreviousInstance;
import dev.tugboat.events.RunEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How instances come to run: the roots at the start, subscribers when events fire, restarts. */
final class LaunchRules {

  static final String ROOT = "root";

  private LaunchRules() {}

  static void startRun(StateDraft d, List<PreviousInstance> previous) {
    if (d.app != AppPhase.STOPPED || d.stopRequested) {
      return;
    }
    d.startedAt = Optional.of(d.now);
    d.changeApp(AppPhase.STARTING, "starting", "start requested");
    // Before any launch: an instance of the new run may take a name an old container has.
    for (PreviousInstance old : previous) {
      d.decide(new Decision.RemoveInstance(old.containerId(), old.name(), "left by "
          + (old.runId().isEmpty() ? "an earlier run" : "run " + old.runId())
          + "; a new run replaces the previous run's containers"));
    }
    for (PlannedContainer container : d.plan.containers()) {
      if (container.skipped()) {
        d.instancesOf(container.key()).forEach(instance ->
            d.put(instance.withPhase(InstancePhase.SKIPPED, "when is false")));
      } else if (d.plan.isRoot(container.key())) {
        launch(d, container.key(), ROOT, "no event subscribes to it");
      }
    }
  }

  /**
   * Launches {@code key}: one instance, or, for a container's key, each of its instances that
   * waits (each is its own Docker container, launched in instance order).
   */
  static void launch(StateDraft d, ContainerKey key, String startedBy, String cause) {
    List<InstanceState> instances =
        key.instance() != 0 ? List.of(d.instance(key)) : d.instancesOf(key);
    boolean several = instances.size() > 1;
    for (InstanceState instance : instances) {
      if (several && instance.phase() != InstancePhase.WAITING) {
        continue;
      }
      d.put(instance.creating(startedBy));
      d.decide(new Decision.Launch(instance.key(), cause));
    }
  }

  static void created(StateDraft d, RunEvent.ContainerCreated event) {
    d.put(d.instance(event.container()).created(event.containerId(), event.name()));
  }

  static void started(StateDraft d, RunEvent.ContainerStarted event) {
    InstanceState before = d.instance(event.container());
    // Labels name an instance this run does not have (a container labelled by hand, or by
    // another version's naming): nothing of this run started.
    if (before == null) {
      return;
    }
    boolean firstStart = before.firstStartedAt().isEmpty();
    InstanceState after =
        before.started(event.containerId(), event.at(), event.address(), event.ports());
    d.put(after);
    // A stopping run arms nothing: the stop cascade in SettleRules stops the instance.
    List<PlannedEvent> published = d.stopRequested ? List.of()
        : d.plan.publishedBy(event.container());
    for (PlannedEvent publishedEvent : published) {
      EventState state = d.event(publishedEvent.name());
      if (state.fired() || state.canNeverFire()) {
        continue;
      }
      // Several instances: the timeout counts from the first one's start.
      if (firstStart && publishedEvent.timeout().isPresent() && state.deadlineAt().isEmpty()) {
        d.put(state.deadline(d.now.plus(publishedEvent.timeout().get())));
        d.decide(new Decision.ScheduleDeadline(publishedEvent.name(), publishedEvent.timeout().get(),
            "the timeout counts from " + event.container() + "'s start"));
      }
      ProbeRules.arm(d, publishedEvent);
    }
    RunEvent.ContainerExited early = d.earlyExits.remove(event.containerId());
    if (early != null) {
      ExitRules.exited(d, early);
    }
  }

  static void launchFailed(StateDraft d, RunEvent.LaunchFailed event) {
    InstanceState instance = d.instance(event.container());
    d.put(instance.withPhase(InstancePhase.FAILED, event.message()));
    d.decide(new Decision.Finished(event.container(), InstancePhase.FAILED, -1, Duration.ZERO,
        d.plan.container(event.container()).ephemeral(), event.message()));
    if (!d.stopRequested && d.app != AppPhase.FAILED) {
      d.changeApp(AppPhase.FAILED, "could not start " + event.container() + ": " + event.message(),
          "launch of " + event.container() + " failed");
    }
  }

  static void restartDue(StateDraft d, ContainerKey key) {
    InstanceState instance = d.instance(key);
    if (instance.phase() != InstancePhase.RESTARTING) {
      return;
    }
    if (d.stopRequested) {
      d.put(instance.withPhase(InstancePhase.STOPPED, "stopped before its restart"));
      return;
    }
    if (instance.containerId().isEmpty()) {
      relaunch(d, key, ExitRules.REMOVED);
      return;
    }
    d.decide(new Decision.Restart(key, instance.restarts(),
        "restart policy " + d.plan.container(key).restart().describe()));
  }

  /** A restart whose container is gone: a new one is launched in its place. */
  static void relaunch(StateDraft d, ContainerKey key, String why) {
    InstanceState instance = d.instance(key);
    d.put(instance.creating(instance.startedBy()));
    d.decide(new Decision.Launch(key, "launched again: its container " + why + "; restart policy "
        + d.plan.container(key).restart().describe()));
  }

  /** Docker's own back-off: 100 ms, doubling, at most 10 s. */
  static Duration restartDelay(int restartsSoFar) {
    long millis = 100L << Math.min(restartsSoFar, 7);
    return Duration.ofMillis(Math.min(millis, 10_000));
  }
}
