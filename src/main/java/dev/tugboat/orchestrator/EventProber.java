package dev.tugboat.orchestrator;

import dev.tugboat.events.Decision;
import dev.tugboat.events.EventBus;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import dev.tugboat.trigger.Observation;
import dev.tugboat.trigger.ProbedTriggers;
import dev.tugboat.trigger.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Asks an event's probe (a port, an HTTP status, an exec) of each running instance of its
 * publisher, on the workers, and tells the loop what it saw.
 */
final class EventProber {

  private final StartPlan plan;
  private final ProbedTriggers triggers;
  private final Executor workers;
  private final LoopScheduler scheduler;
  private final EventBus bus;
  private volatile RunState current;

  EventProber(StartPlan plan, ProbedTriggers triggers, Executor workers, LoopScheduler scheduler,
      EventBus bus) {
    this.plan = plan;
    this.triggers = triggers;
    this.workers = workers;
    this.scheduler = scheduler;
    this.bus = bus;
  }

  /** The loop's state after its latest step that changed it: what a probe asks again on. */
  void stateIs(RunState state) {
    current = state;
  }

  void probe(Decision.Probe probe, RunState state) {
    PlannedEvent event = plan.event(probe.event());
    Trigger trigger = triggers.of(event.trigger());
    // Every instance of the publisher that runs is asked; the first that passes fires the event.
    List<Observation> publishers = state.instancesOf(event.publisher()).stream()
        .filter(instance -> instance.phase() != InstancePhase.SKIPPED)
        .map(InstanceState::observe)
        .toList();
    String seen = state.event(event.name()).lastSeen();
    scheduler.schedule(probe.delay(), () -> workers.execute(() ->
        probeUntilChanged(event, trigger, publishers, state, seen,
            event.trigger().kind().probeInterval())));
  }

  /**
   * Asks the probe until its answer differs from what the loop last saw, or the loop's state moved
   * on (a container exited, an address came): only then does the loop hear of it. A port refused
   * every 50 ms, told to the loop each time, cost a step of the loop and a thread hand-off per answer
   * (10 ports: 200 a second, a tenth of a core); asked again here, only the connect remains. The
   * answer it stops on is the one the loop would have planned from, so it decides as it did.
   */
  private void probeUntilChanged(PlannedEvent event, Trigger trigger,
      List<Observation> publishers, RunState decidedOn, String seen, Duration interval) {
    ProbeOutcome outcome = InstanceOutcomes.combine(event.trigger().kind(), publishers.stream()
        .map(publisher -> safely(() -> trigger.check(publisher)))
        .toList());
    if (outcome.status() == ProbeOutcome.Status.PENDING && outcome.lastSeen().equals(seen)
        && current == decidedOn && !interval.isZero()) {
      scheduler.schedule(interval, () -> workers.execute(() ->
          probeUntilChanged(event, trigger, publishers, decidedOn, seen, interval)));
      return;
    }
    bus.post(new RunEvent.ProbeResult(event.name(), outcome));
  }

  /** A probe that throws has not passed: what it threw is what it last saw. */
  static ProbeOutcome safely(Supplier<ProbeOutcome> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      return ProbeOutcome.pending(String.valueOf(e.getMessage()));
    }
  }
}
