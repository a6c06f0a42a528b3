package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.ObservedInstance;
import dev.tugboat.events.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converging on what Docker holds after the run looked away: the daemon restarted ({@code kill -9},
 * a reboot) or Docker's event stream broke. Observe, then plan. Instances the journal accounts for
 * are taken as they are now: running ones are adopted, ones that exited meanwhile count with their
 * real exit code and time (so the events they publish fire once, here). What no decision accounts
 * for is removed. A launch that left no container is decided again. After a restart of the daemon
 * nothing of its probes and timers survived, so they are armed again with the time already spent.
 *
 * <p>Service containers that stopped while nobody watched (an engine restart, a reboot) interrupt
 * the run: what the later containers were started on no longer holds, so the run stops in reverse
 * order and is marked {@code interrupted}, for the daemon to start the app in a new run.
 */
final class RecoveryRules {

  private RecoveryRules() {}

  /**
   * How long before its event stream broke an engine may have been stopping containers: a stopping
   * engine stops them all (each within its stop timeout) before the stream ends.
   */
  static final Duration ENGINE_STOP_WINDOW = Duration.ofSeconds(30);

  static void lost(StateDraft d, String message) {
    d.dockerLost = message.isEmpty() ? "Docker's event stream ended" : message;
    if (d.dockerLostAt.isEmpty()) {
      d.dockerLostAt = Optional.of(d.now);
    }
  }

  static void observed(StateDraft d, RunEvent.InstancesObserved event) {
    Optional<Instant> lostAt = d.dockerLostAt;
    d.dockerLost = "";
    d.dockerLostAt = Optional.empty();
    Map<ContainerKey, ObservedInstance> ours = new LinkedHashMap<>();
    for (ObservedInstance seen : event.instances()) {
      Optional<String> unclaimed = unclaimed(d, seen);
      if (unclaimed.isPresent()) {
        d.decide(new Decision.RemoveInstance(seen.containerId(), seen.name(), unclaimed.get()));
      } else if (seen.runId().equals(d.runId)) {
        ours.put(seen.container(), seen);
      }
    }
    interruptIfServicesStopped(d, ours, event.resumed(), lostAt);
    // Phases as the journal left them: a launch decided while converging is not one to adopt.
    Map<ContainerKey, InstancePhase> before = new LinkedHashMap<>();
    d.instances.forEach((key, instance) -> before.put(key, instance.phase()));
    for (ContainerKey key : d.plan.instanceKeys()) {
      InstanceState instance = d.instance(key);
      ObservedInstance seen = ours.get(key);
      if (instance.phase() != before.get(key)) {
        continue;
      }
      switch (instance.phase()) {
        case CREATING -> adoptLaunch(d, instance, seen, event.resumed());
        case RUNNING, STOPPING -> adoptRunning(d, instance, seen, event.resumed());
        case RESTARTING -> adoptRestarting(d, instance, seen, event.resumed());
        default -> { }
      }
    }
    if (event.resumed()) {
      RearmRules.rearm(d);
    }
  }

  /** Why an instance carrying the app's labels belongs to nothing, if it does not. */
  static Optional<String> unclaimed(StateDraft d, ObservedInstance seen) {
    if (!seen.runId().equals(d.runId)) {
      if (seen.status() == ObservedInstance.Status.RUNNING) {
        return Optional.of("it belongs to run " + seen.runId() + ", which has ended");
      }
      // A past run's exited instances stay for their logs until the next run starts, whose
      // start decided their removal (a removal a kill cut short is finished here).
      return d.startedAt.isPresent()
          ? Optional.of("left by run " + seen.runId() + ", which this run replaced")
          : Optional.empty();
    }
    InstanceState instance = d.instances.get(seen.container());
    if (instance == null) {
      return Optional.of(seen.container() + " is not a container of this run's spec");
    }
    if (instance.containerId().equals(seen.containerId())) {
      return Optional.empty();
    }
    if (instance.phase() == InstancePhase.CREATING && instance.containerId().isEmpty()) {
      return Optional.empty(); // created by a launch whose report was lost with the daemon
    }
    return Optional.of("no decision of run " + d.runId + " accounts for it (" + instance.key()
        + " is " + instance.phase().label() + ")");
  }

  /**
   * Services that stopped while nobody watched: found not running although the run has them
   * running, or, after Docker's stream broke, stopped just before it did (an engine that stops
   * stops every container first, and the run saw those exits as failures).
   */
  private static void interruptIfServicesStopped(StateDraft d,
      Map<ContainerKey, ObservedInstance> ours, boolean resumed, Optional<Instant> lostAt) {
    if (d.stopRequested || d.app == AppPhase.STOPPED) {
      return;
    }
    List<String> stopped = new ArrayList<>();
    for (ContainerKey key : d.plan.instanceKeys()) {
      PlannedContainer container = d.plan.container(key);
      InstanceState instance = d.instance(key);
      ObservedInstance seen = ours.get(key);
      if (container.ephemeral() || isRunning(seen, instance)) {
        continue;
      }
      if (instance.phase() == InstancePhase.RUNNING) {
        int code = seen == null ? -1 : seen.exitCode();
        if (!container.restart().restarts(code, instance.restarts())) {
          stopped.add(key + (seen == null ? " is gone"
              : " exited with code " + code + at(seen.finishedAt())));
        }
      } else if (stoppedByTheEngine(instance, lostAt)) {
        stopped.add(key + " exited with code "
            + instance.exitCode().orElse(-1) + at(instance.exitedAt().orElse(null)));
      }
    }
    if (stopped.isEmpty()) {
      return;
    }
    String why = "interrupted: " + String.join("; ", stopped) + " while "
        + (resumed ? "Tugboat was not running" : "Docker was unreachable");
    d.interrupted = true;
    d.changeApp(AppPhase.FAILED, why, "service containers stopped while nobody watched");
    StopRules.stopRequested(d, why);
  }

  private static boolean stoppedByTheEngine(InstanceState instance, Optional<Instant> lostAt) {
    if (lostAt.isEmpty() || instance.phase() != InstancePhase.FAILED
        && instance.phase() != InstancePhase.RESTARTING) {
      return false;
    }
    Instant since = lostAt.get().minus(ENGINE_STOP_WINDOW);
    return instance.exitedAt().map(at -> !at.isBefore(since)).orElse(false);
  }

  private static boolean isRunning(ObservedInstance seen, InstanceState instance) {
    return seen != null && seen.status() == ObservedInstance.Status.RUNNING
        && seen.containerId().equals(instance.containerId());
  }

  private static String at(Instant time) {
    return time == null ? "" : " at " + time;
  }

  private static void adoptLaunch(
      StateDraft d, InstanceState instance, ObservedInstance seen, boolean resumed) {
    ContainerKey key = instance.key();
    if (seen == null || seen.status() == ObservedInstance.Status.CREATED) {
      if (!resumed) {
        return; // the launch is still under way on a worker; it reports back itself
      }
      if (seen != null) {
        d.decide(new Decision.RemoveInstance(seen.containerId(), seen.name(),
            "created but never started before Tugboat restarted; launched again"));
      }
      d.put(instance.created("", "").creating(instance.startedBy()));
      if (d.mayLaunch()) {
        d.decide(new Decision.Launch(key, "launched again: the launch decided before Tugboat "
            + "restarted left no running container"));
      } else {
        d.put(d.instance(key).withPhase(InstancePhase.STOPPED, "stopped before it started"));
      }
      return;
    }
    LaunchRules.created(d, new RunEvent.ContainerCreated(key, seen.containerId(), seen.name()));
    LaunchRules.started(d, new RunEvent.ContainerStarted(key, seen.containerId(),
        Optional.ofNullable(seen.startedAt()).orElse(d.now), seen.address(), seen.ports()));
    if (seen.status() == ObservedInstance.Status.EXITED) {
      exited(d, seen);
    }
  }

  private static void adoptRunning(
      StateDraft d, InstanceState instance, ObservedInstance seen, boolean resumed) {
    if (isRunning(seen, instance)) {
      if (resumed && instance.phase() == InstancePhase.STOPPING) {
        d.decide(new Decision.Stop(instance.key(), d.plan.container(instance.key()).stopTimeout(),
            "stopped again: the stop under way when Tugboat restarted was lost"));
      }
      return;
    }
    if (seen != null && seen.containerId().equals(instance.containerId())) {
      exited(d, seen);
      return;
    }
    ExitRules.removed(d, instance);
  }

  private static void adoptRestarting(
      StateDraft d, InstanceState instance, ObservedInstance seen, boolean resumed) {
    if (isRunning(seen, instance)) {
      LaunchRules.started(d, new RunEvent.ContainerStarted(instance.key(), seen.containerId(),
          Optional.ofNullable(seen.startedAt()).orElse(d.now), seen.address(), seen.ports()));
    } else if (resumed) {
      LaunchRules.restartDue(d, instance.key()); // its back-off timer died with the daemon
    }
  }

  private static void exited(StateDraft d, ObservedInstance seen) {
    ExitRules.exited(d, new RunEvent.ContainerExited(seen.containerId(), seen.exitCode(),
        Optional.ofNullable(seen.finishedAt()).orElse(d.now)));
  }
}
