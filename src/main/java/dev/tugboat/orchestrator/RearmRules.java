package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import java.time.Duration;
import java.time.Instant;

/**
 * What a dead daemon had under way and took with it: the probes of events not yet fired, their
 * timeouts (armed again with only the time left), the ready check and its timeout, and output
 * captures. Armed again once, when a resumed run has converged on what Docker holds.
 */
final class RearmRules {

  private RearmRules() {}

  /** After a restart of the daemon: the probes, timeouts and captures that were under way. */
  static void rearm(StateDraft d) {
    boolean live = d.mayLaunch() || d.app == AppPhase.STARTED;
    for (PlannedEvent event : d.plan.events()) {
      EventState state = d.event(event.name());
      if (state.fired() || state.canNeverFire() || !live) {
        continue;
      }
      if (d.instancesOf(event.publisher()).stream()
          .anyMatch(instance -> instance.phase() == InstancePhase.RUNNING)
          && !decided(d, Decision.Probe.class, event.name())) {
        d.put(state.probing(false));
        ProbeRules.arm(d, event);
      }
      EventState now = d.event(event.name());
      if (!now.fired() && now.deadlineAt().isPresent()
          && !decided(d, Decision.ScheduleDeadline.class, event.name())) {
        Duration left = remaining(d, now.deadlineAt().get());
        d.decide(new Decision.ScheduleDeadline(event.name(), left,
            "armed again after Tugboat restarted: " + SettleRules.seconds(left) + " left"));
      }
    }
    if (d.ready == RunState.ReadyPhase.CHECKING && d.mayLaunch()) {
      d.readyDeadlineAt.ifPresent(at -> d.decide(new Decision.ScheduleReadyDeadline(
          remaining(d, at), "armed again after Tugboat restarted")));
      d.decide(new Decision.CheckReady(Duration.ZERO, "armed again after Tugboat restarted"));
    }
    for (ContainerKey key : d.awaitingOutput) {
      d.decide(new Decision.CaptureOutput(key, d.instance(key).containerId(),
          "the capture under way when Tugboat restarted was lost"));
    }
  }

  private static Duration remaining(StateDraft d, Instant deadline) {
    Duration left = Duration.between(d.now, deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static boolean decided(StateDraft d, Class<? extends Decision> type, String event) {
    return d.decisions.stream().filter(type::isInstance).anyMatch(decision ->
        decision instanceof Decision.Probe p ? p.event().equals(event)
            : decision instanceof Decision.ScheduleDeadline s && s.event().equals(event));
  }
}
