package dev.tugboat.orchestrator;

import dev.tugboat.events.Decision;
import dev.tugboat.events.EventBus;
import dev.tugboat.events.Journal;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.RunEvent;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one owner of a run's state. Takes events from the bus in order; for each, asks the planner,
 * journals the event and the decisions, publishes a status snapshot, and hands the decisions to
 * the executor. Nothing is acted on before it is journaled: while the journal refuses a write, the
 * loop is paused (see {@link #retryJournal()}). {@link #handle} must only ever be called from one
 * thread at a time (the loop thread, or a test driving it); {@link #status()} may be read from any
 * thread.
 */
public final class RunLoop {

  private final String app;
  private final StartPlan plan;
  private final Planner planner;
  private final Clock clock;
  private final EventBus bus;
  private final Journal journal;
  private final DecisionExecutor executor;
  private final Consumer<RunStatus> onStatus;
  private final RunTiming timing;
  private RunState state;
  private long sequence;
  private UnjournalledStep unjournalled;
  private volatile RunStatus status;

  RunLoop(String app, String runId, StartPlan plan, Clock clock, EventBus bus, Journal journal,
      DecisionExecutor executor, Consumer<RunStatus> onStatus, RunTiming timing) {
    this.app = app;
    this.plan = plan;
    this.planner = new Planner(plan);
    this.clock = clock;
    this.bus = bus;
    this.journal = journal;
    this.executor = executor;
    this.onStatus = onStatus;
    this.timing = timing;
    this.state = RunState.initial(runId, plan, clock.instant());
    this.status = StatusView.of(app, plan, state, 0, clock.instant());
  }

  /**
   * Answers one event: decide, record, publish, act. When the journal refuses the record (a full
   * disk), nothing is acted on: the loop is paused, its status says why, and {@link
   * #retryJournal()} tries again; events posted meanwhile wait in the bus.
   */
  public void handle(RunEvent event) {
    if (unjournalled != null) {
      throw new IllegalStateException("the loop is paused until its journal can be written");
    }
    Instant now = clock.instant();
    if (event instanceof RunEvent.ContainerExited exited) {
      timing.exitHandled(exited.containerId());
    }
    if (event instanceof RunEvent.InstancesResynced look && look.afterSequence() != sequence) {
      return; // something happened while Docker was looked at: the next period looks again
    }
    Planner.Step step = planner.decide(state, event, now);
    if (event instanceof RunEvent.ContainerExited exited) {
      timing.exitDecided(exited.containerId());
    }
    if (event instanceof RunEvent.InstancesResynced && step.decisions().isEmpty()
        && step.state().equals(state)) {
      return; // found nothing new: a journal line per period would grow without end
    }
    if (event instanceof RunEvent.ProbeResult && onlyProbesAgain(step)) {
      // A probe that saw what the one before saw, asked again: a port probed every 50 ms would
      // write 40 journal lines and publish 20 statuses a second that say nothing new, and keep
      // the loop from the events that do (a container's exit). Lost with the daemon, nothing is
      // missing: the replayed state is the same, and the resumed run probes again.
      executor.performAll(step.decisions(), state);
      return;
    }
    long eventSequence = ++sequence;
    List<JournalEntry> entries = new ArrayList<>();
    entries.add(new JournalEntry(eventSequence, now, state.runId(), 0, event.source(), event));
    for (Decision decision : step.decisions()) {
      entries.add(new JournalEntry(++sequence, now, state.runId(), eventSequence,
          decision.cause(), decision));
    }
    unjournalled = new UnjournalledStep(step, entries,
        step.decisions().stream().anyMatch(RunLoop::repeatsIfLost));
    retryJournal();
  }

  /**
   * Writes what the journal has not taken yet of the current step, then acts on it; false while
   * the journal still refuses (the loop stays paused, its status says why, once). True when
   * nothing waited to be written.
   */
  public boolean retryJournal() {
    UnjournalledStep pending = unjournalled;
    if (pending == null) {
      return true;
    }
    try {
      pending.writeTo(journal);
    } catch (UncheckedIOException e) {
      String why = e.getMessage() + "; nothing is acted on until it can be; retrying at most "
          + UnjournalledStep.MAX_RETRY_DELAY.toSeconds() + " s apart";
      if (!why.equals(status.paused())) {
        status = status.withPaused(why);
        onStatus.accept(status);
      }
      return false;
    }
    unjournalled = null;
    Planner.Step step = pending.step();
    state = step.state();
    executor.stateIs(state);
    status = StatusView.of(app, plan, state, pending.lastSequence(), pending.decidedAt());
    executor.performAll(step.decisions(), state);
    onStatus.accept(status);
    return true;
  }

  /** True while a step waits for the journal: nothing is handled or acted on until it is written. */
  public boolean paused() {
    return unjournalled != null;
  }

  /** The step changes nothing but asks its probe again. */
  private boolean onlyProbesAgain(Planner.Step step) {
    for (Decision decision : step.decisions()) {
      if (!(decision instanceof Decision.Probe)) {
        return false;
      }
    }
    return step.state().equals(state);
  }

  /**
   * A decision whose record must be on disk before it is acted on: were it lost with the daemon,
   * the replayed journal would not know the action was taken and would take it again.
   */
  private static boolean repeatsIfLost(Decision decision) {
    return decision instanceof Decision.Launch || decision instanceof Decision.Restart
        || decision instanceof Decision.Stop || decision instanceof Decision.RemoveInstance;
  }

  /**
   * Rebuilds the state from a journal read back after a restart: each journaled event through the
   * planner again, at the time it was journaled, acting on nothing. The planner is deterministic, so
   * this is the state the loop had; what it decided then was done then, or is found undone when the
   * run looks at Docker again.
   */
  void replay(List<JournalEntry> entries) {
    if (!entries.isEmpty()) {
      state = RunState.initial(state.runId(), plan, entries.get(0).time());
    }
    for (JournalEntry entry : entries) {
      if (!entry.runId().equals(state.runId())) {
        throw new IllegalArgumentException("journal entry " + entry.sequence() + " is of run "
            + entry.runId() + ", not " + state.runId());
      }
      if (entry.record() instanceof RunEvent event) {
        state = planner.decide(state, event, entry.time()).state();
      }
      sequence = Math.max(sequence, entry.sequence());
    }
    status = StatusView.of(app, plan, state, sequence, clock.instant());
    onStatus.accept(status);
  }

  /** Handles every queued event without waiting; for tests that drive the loop by hand. */
  public void drain() {
    Optional<RunEvent> next;
    while (!state.ended() && unjournalled == null && (next = bus.poll()).isPresent()) {
      handle(next.get());
    }
  }

  /**
   * The loop thread's body: handles events until the run ends or the thread is interrupted. While
   * the journal refuses a step, it only retries, waiting longer each time.
   */
  public void run() {
    try {
      while (!state.ended()) {
        if (unjournalled != null) {
          Thread.sleep(unjournalled.retryDelay().toMillis());
          retryJournal();
        } else {
          bus.next(Duration.ofSeconds(1)).ifPresent(this::handle);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public RunStatus status() {
    return status;
  }

  /** The journal sequence of the last event handled (from any thread: the published one). */
  long lastSequence() {
    return status.sequence();
  }

  public boolean ended() {
    return status.ended();
  }

  public StartPlan plan() {
    return plan;
  }
}
