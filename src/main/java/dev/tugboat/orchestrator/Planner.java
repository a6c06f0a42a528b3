package dev.tugboat.orchestrator;

import dev.tugboat.events.Decision;
import dev.tugboat.events.RunEvent;
import java.time.Instant;
import java.util.List;

/**
 * Decide, do not act: from the plan, the run's state and one event, the next state and the
 * decisions it calls for, each with its cause. Pure and deterministic (time comes in as {@code
 * now}), so tests feed events and compare decisions without Docker or threads.
 *
 * <p>Each event's rule reacts to that transition (an instance started or exited, a probe
 * answered), so the run depends on seeing it; then {@link SettleRules} re-reads the whole state and
 * converges (events that can never fire, blocked containers, the ready check, the stop cascade),
 * whichever transition led there. Transitions lost while the engine's event stream was down are
 * made up level-driven: {@link RecoveryRules} compares the state with what the engine lists
 * ({@code InstancesObserved}) and applies what it missed.
 *
 * <p>Every kind of {@link RunEvent} has a rule: the dispatch ends in an {@link AssertionError},
 * and {@code PlannerDispatchTest} feeds one event of each permitted subclass.
 */
public final class Planner {

  private final StartPlan plan;

  public Planner(StartPlan plan) {
    this.plan = plan;
  }

  /** The state after {@code event}, and what to do about it. */
  public record Step(RunState state, List<Decision> decisions) {
    public Step {
      decisions = List.copyOf(decisions);
    }
  }

  public Step decide(RunState state, RunEvent event, Instant now) {
    StateDraft draft = new StateDraft(plan, state, now);
    if (!state.ended()) {
      apply(draft, event);
      SettleRules.settle(draft);
    }
    return new Step(draft.freeze(), draft.decisions);
  }

  private static void apply(StateDraft d, RunEvent event) {
    if (event instanceof RunEvent.StartRequested e) {
      LaunchRules.startRun(d, e.previous());
    } else if (event instanceof RunEvent.StopRequested e) {
      StopRules.stopRequested(d, e.reason());
    } else if (event instanceof RunEvent.ContainerCreated e) {
      LaunchRules.created(d, e);
    } else if (event instanceof RunEvent.ContainerStarted e) {
      LaunchRules.started(d, e);
    } else if (event instanceof RunEvent.LaunchFailed e) {
      LaunchRules.launchFailed(d, e);
    } else if (event instanceof RunEvent.RestartDue e) {
      LaunchRules.restartDue(d, e.container());
    } else if (event instanceof RunEvent.ContainerExited e) {
      ExitRules.exited(d, e);
    } else if (event instanceof RunEvent.ContainerHealthChanged e) {
      ExitRules.health(d, e);
    } else if (event instanceof RunEvent.OutputCaptured e) {
      ExitRules.output(d, e);
    } else if (event instanceof RunEvent.StopCompleted e) {
      StopRules.stopCompleted(d, e);
    } else if (event instanceof RunEvent.StopTimedOut e) {
      StopRules.stopTimedOut(d, e);
    } else if (event instanceof RunEvent.ProbeResult e) {
      ProbeRules.probeResult(d, e);
    } else if (event instanceof RunEvent.EventDeadlinePassed e) {
      ProbeRules.deadline(d, e.event());
    } else if (event instanceof RunEvent.ReadyCheckResult e) {
      ProbeRules.readyResult(d, e.outcome());
    } else if (event instanceof RunEvent.ReadyDeadlinePassed) {
      ProbeRules.readyDeadline(d);
    } else if (event instanceof RunEvent.RuntimeLost e) {
      RecoveryRules.lost(d, e.message());
    } else if (event instanceof RunEvent.InstancesObserved e) {
      RecoveryRules.observed(d, e);
    } else if (event instanceof RunEvent.ContainerRemoved e) {
      d.byContainerId(e.containerId()).ifPresent(instance -> ExitRules.removed(d, instance));
    } else if (event instanceof RunEvent.InstancesResynced e) {
      ResyncRules.resynced(d, e);
    } else {
      throw new AssertionError("the planner has no rule for " + event.getClass().getName());
    }
  }
}
