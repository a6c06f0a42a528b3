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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asks an event's probe (a port, an HTTP status, an exec) of each running instance of its
 * publisher, on the workers or, for a probe that does not block, on the timer, and tells the loop
 * what it saw.
 */
final class EventProber {

  private final StartPlan plan;
  private final ProbedTriggers triggers;
  private final Executor workers;
  private final LoopScheduler scheduler;
  private final EventBus bus;
  private final RunTiming timing;
  private volatile RunState current;

  EventProber(StartPlan plan, ProbedTriggers triggers, Executor workers, LoopScheduler scheduler,
      EventBus bus, RunTiming timing) {
    this.plan = plan;
    this.triggers = triggers;
    this.workers = workers;
    this.scheduler = scheduler;
    this.bus = bus;
    this.timing = timing;
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
    Asking asking = new Asking(event, trigger, publishers, state,
        state.event(event.name()).lastSeen(), event.trigger().kind().probeInterval());
    scheduler.schedule(probe.delay(), asking.attempt);
  }

  /**
   * One probe, asked until its answer differs from what the loop last saw, or the loop's state
   * moved on for it (its publisher exited, an address came): only then does the loop hear of it.
   * A port refused every 50 ms, told to the loop each time, cost a step of the loop and a thread
   * hand-off per answer (10 ports: 200 a second, a tenth of a core); asked again here, only the
   * connect remains. The answer it stops on is the one the loop would have planned from, so it
   * decides as it did. A trigger that does not block (port-listen) is asked on the timer's
   * thread, where a connect to this host is answered too, so an attempt wakes no worker; its
   * attempts fall on the timer's ticks, so ten ports probed together wake the timer once.
   */
  private final class Asking {

    private final PlannedEvent event;
    private final Trigger trigger;
    private final List<Observation> publishers;
    private final RunState decidedOn;
    private final String seen;
    private final Duration interval;
    private final Runnable attempt;

    Asking(PlannedEvent event, Trigger trigger, List<Observation> publishers, RunState decidedOn,
        String seen, Duration interval) {
      this.event = event;
      this.trigger = trigger;
      this.publishers = publishers;
      this.decidedOn = decidedOn;
      this.seen = seen;
      this.interval = interval;
      this.attempt = trigger.blocks() ? () -> workers.execute(this::ask) : this::ask;
    }

    private void ask() {
      if (publishers.size() == 1) {
        askOne(publishers.get(0), this::heard);
        return;
      }
      ProbeOutcome[] outcomes = new ProbeOutcome[publishers.size()];
      AtomicInteger left = new AtomicInteger(outcomes.length);
      for (int i = 0; i < outcomes.length; i++) {
        int index = i;
        askOne(publishers.get(i), outcome -> {
          outcomes[index] = outcome;
          if (left.decrementAndGet() == 0) {
            heard(InstanceOutcomes.combine(event.trigger().kind(), List.of(outcomes)));
          }
        });
      }
      if (outcomes.length == 0) {
        heard(InstanceOutcomes.combine(event.trigger().kind(), List.of()));
      }
    }

    /**
     * Whether the loop would decide this probe again as it did: nothing it decides a probe's
     * repeat on has changed (the publisher's instances, this event, the app's phase, a stop).
     * The rest of the run moving on does not count: while forty containers start, the state
     * changes every few milliseconds, and a probe that went back to the loop at each change was
     * a loop step and a new decision each time, queued behind the loop's other work.
     */
    private boolean unchangedSinceDecided(RunState now) {
      return now == decidedOn
          || now != null && now.app() == decidedOn.app()
              && now.stopRequested() == decidedOn.stopRequested()
              && now.event(event.name()).equals(decidedOn.event(event.name()))
              && now.instancesOf(event.publisher()).equals(
                  decidedOn.instancesOf(event.publisher()));
    }

    /** A probe that throws has not passed: what it threw is what it last saw. */
    private void askOne(Observation publisher, Consumer<ProbeOutcome> then) {
      try {
        trigger.check(publisher, then);
      } catch (RuntimeException e) {
        then.accept(ProbeOutcome.pending(String.valueOf(e.getMessage())));
      }
    }

    private void heard(ProbeOutcome outcome) {
      if (outcome.status() == ProbeOutcome.Status.PENDING && outcome.lastSeen().equals(seen)
          && !interval.isZero() && unchangedSinceDecided(current)) {
        scheduler.scheduleOnTick(interval, attempt);
        return;
      }
      if (outcome.isPassed()) {
        timing.probePassed(event.publisher());
      }
      bus.post(new RunEvent.ProbeResult(event.name(), outcome));
    }
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
