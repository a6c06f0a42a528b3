package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.RunEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Instances that exit: ephemeral ones complete or fail without stopping the app; others restart as
 * their policy says, or fail the app. Observed triggers of the publisher are asked again.
 */
final class ExitRules {

  /** How many of an exited instance's last lines status and messages show. */
  static final int OUTPUT_LINES = 10;

  private ExitRules() {}

  static void exited(StateDraft d, RunEvent.ContainerExited event) {
    exited(d, event, "exited with code " + event.exitCode(), true);
  }

  /**
   * As a die event: {@code how} says what happened, for messages ("exited with code 3");
   * {@code outputKept}: its container is still there to read its last lines from.
   */
  private static void exited(StateDraft d, RunEvent.ContainerExited event, String how,
      boolean outputKept) {
    Optional<InstanceState> found = d.byContainerId(event.containerId());
    if (found.isEmpty()) {
      return; // not an instance of this run, or one we replaced
    }
    InstanceState instance = found.get();
    if (instance.phase() == InstancePhase.CREATING || instance.phase() == InstancePhase.RESTARTING) {
      d.earlyExits.put(event.containerId(), event); // applied once its start is seen
      return;
    }
    if (instance.phase() != InstancePhase.RUNNING && instance.phase() != InstancePhase.STOPPING) {
      return; // Docker reports a die once; a second report changes nothing
    }
    PlannedContainer container = d.plan.container(instance.key());
    Duration ran = instance.startedAt().map(at -> Duration.between(at, event.at()))
        .orElse(Duration.ZERO);
    int code = event.exitCode();
    if (instance.phase() == InstancePhase.STOPPING || d.stopRequested) {
      finish(d, instance.exited(InstancePhase.STOPPED, code, event.at(), ""), ran, "stopped");
    } else if (container.ephemeral()) {
      InstancePhase phase = code == 0 ? InstancePhase.COMPLETED : InstancePhase.FAILED;
      finish(d, instance.exited(phase, code, event.at(), code == 0 ? "" : "exit " + code), ran,
          "ephemeral: its exit never stops the app");
      if (outputKept) {
        capture(d, instance);
      }
    } else if (container.restart().restarts(code, instance.restarts())
        && (d.app == AppPhase.STARTING || d.app == AppPhase.STARTED)) {
      d.put(instance.exited(InstancePhase.RUNNING, code, event.at(), "").restarting());
      d.decide(new Decision.ScheduleRestart(instance.key(),
          LaunchRules.restartDelay(instance.restarts()),
          how + "; restart policy " + container.restart().describe()));
    } else {
      String why = instance.key() + " " + how + keptDown(container, instance);
      finish(d, instance.exited(InstancePhase.FAILED, code, event.at(), "exit " + code), ran, why);
      if (outputKept) {
        capture(d, instance);
      }
      if (d.app != AppPhase.FAILED) {
        d.changeApp(AppPhase.FAILED, why, "a service container stayed down");
      }
    }
    rearmObserved(d, instance);
  }

  /**
   * The instance's container no longer exists (removed outside Tugboat: {@code docker rm -f}). A
   * live one ends as if it exited, by its restart policy; since the container is gone, a restart
   * launches a new one. A finished one keeps its outcome (a completed migration is not run
   * again). Either way status stops naming a container that is not there.
   */
  static void removed(StateDraft d, InstanceState instance) {
    InstancePhase phase = instance.phase();
    if (phase == InstancePhase.RUNNING || phase == InstancePhase.STOPPING) {
      exited(d, new RunEvent.ContainerExited(instance.containerId(), -1, d.now), REMOVED, false);
      instance = d.instance(instance.key());
      phase = instance.phase();
    }
    if (phase == InstancePhase.RESTARTING) {
      d.put(instance.created("", ""));
      if (!d.stopRequested && (d.app == AppPhase.STARTING || d.app == AppPhase.STARTED)) {
        LaunchRules.relaunch(d, instance.key(), REMOVED);
      }
    } else if (phase == InstancePhase.COMPLETED || phase == InstancePhase.FAILED
        || phase == InstancePhase.STOPPED) {
      d.put(instance.created("", "").withPhase(phase, "its container " + REMOVED));
    }
  }

  static final String REMOVED = "was removed outside Tugboat";

  private static String keptDown(PlannedContainer container, InstanceState instance) {
    RestartPolicy policy = container.restart();
    if (policy.kind() == RestartPolicy.Kind.NEVER) {
      return " (restart policy never)";
    }
    if (instance.restarts() > 0 && policy.max() > 0 && instance.restarts() >= policy.max()) {
      return " after " + instance.restarts() + " restarts (restart policy " + policy.describe()
          + ")";
    }
    return " (restart policy " + policy.describe() + ")";
  }

  private static void finish(StateDraft d, InstanceState after, Duration ran, String cause) {
    d.put(after);
    d.decide(new Decision.Finished(after.key(), after.phase(), after.exitCode().orElse(-1), ran,
        d.plan.container(after.key()).ephemeral(), cause));
  }

  private static void capture(StateDraft d, InstanceState instance) {
    d.awaitingOutput.add(instance.key());
    d.decide(new Decision.CaptureOutput(instance.key(), instance.containerId(),
        "status shows the last lines of an exited container"));
  }

  private static void rearmObserved(StateDraft d, InstanceState instance) {
    for (PlannedEvent published : d.plan.publishedBy(instance.key())) {
      if (published.trigger().kind().isObserved()) {
        ProbeRules.arm(d, published);
      }
    }
  }

  static void health(StateDraft d, RunEvent.ContainerHealthChanged event) {
    d.byContainerId(event.containerId()).ifPresent(instance -> {
      d.put(instance.withHealth(event.status()));
      rearmObserved(d, d.instance(instance.key()));
    });
  }

  static void output(StateDraft d, RunEvent.OutputCaptured event) {
    InstanceState instance = d.instance(event.container());
    List<String> lines = event.lines();
    List<String> last = lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size());
    d.put(instance.withOutput(last));
    d.awaitingOutput.remove(event.container());
    boolean causedFailure = d.app == AppPhase.FAILED
        && d.message.startsWith(event.container() + " exited") && !d.message.contains("\n");
    if (causedFailure && !last.isEmpty()) {
      d.message = d.message + "\nlast output of " + event.container() + ":\n  "
          + String.join("\n  ", last);
    }
  }
}
