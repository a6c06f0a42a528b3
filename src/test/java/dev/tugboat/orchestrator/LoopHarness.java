package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.InMemoryJournal;
import dev.tugboat.events.Journal;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.trigger.TcpConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A run against the in-memory runtime in virtual time: the worker pool runs tasks at once, the
 * scheduler and the runtime's scripts move with the clock, and the loop handles every event as
 * soon as it is posted. No threads, no sleeping.
 */
final class LoopHarness implements ManualClock.Timeline {

  final ManualClock clock;
  final InMemoryRuntime runtime;
  final ManualScheduler scheduler;
  final InMemoryJournal journal = new InMemoryJournal(this::onAppend);
  /** The last journal sequence at each {@link Journal#sync()}. */
  final List<Long> syncedAt = new ArrayList<>();
  private Predicate<JournalEntry> holdAfter = entry -> false;
  final Run run;
  private final StartPlan plan;
  private final List<Runnable> heldWork = new ArrayList<>();
  private boolean holding;
  private boolean crashed;
  /** Appends fail as on a full disk while set. */
  boolean diskFull;
  /** Syncs fail while set. */
  boolean syncFails;
  /** Every status the loop published, in order. */
  final List<RunStatus> published = new ArrayList<>();
  private Function<RunState, ProbeOutcome> ready = state -> ProbeOutcome.passed("ok");

  LoopHarness(StartPlan plan) {
    this(plan, new ManualClock(), null);
  }

  private LoopHarness(StartPlan plan, ManualClock clock, InMemoryRuntime sharedRuntime) {
    this.plan = plan;
    this.clock = clock;
    this.runtime = sharedRuntime == null ? new InMemoryRuntime(clock) : sharedRuntime;
    this.scheduler = new ManualScheduler(clock);
    TcpConnector connector = (address, port, timeout) -> runtime.isListening(address, port)
        ? TcpConnector.Answer.ACCEPTED : TcpConnector.Answer.REFUSED;
    Executor workers = task -> {
      if (holding) {
        heldWork.add(task);
      } else {
        task.run();
      }
    };
    Journal syncing = new Journal() {
      @Override
      public void append(JournalEntry entry) {
        if (diskFull) {
          throw new UncheckedIOException("cannot write the journal at /state/runs/run-1.jsonl: "
              + "No space left on device", new IOException("No space left on device"));
        }
        journal.append(entry);
      }

      @Override
      public void sync() {
        if (syncFails) {
          throw new UncheckedIOException("cannot sync the journal at /state/runs/run-1.jsonl: "
              + "Input/output error", new IOException("Input/output error"));
        }
        List<JournalEntry> entries = journal.entries();
        syncedAt.add(entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence());
      }

      @Override
      public List<JournalEntry> entries() {
        return journal.entries();
      }
    };
    run = new Run(new Run.Setup("shop", "run-1", plan, runtime, new TestLauncher(plan), clock,
        syncing, workers, scheduler, connector, published::add));
    clock.register(this);
  }

  private void onAppend(JournalEntry entry) {
    if (holdAfter.test(entry)) {
      holding = true;
    }
  }

  /** Once an entry like this is journaled, work is held (see {@link #holdWork()}). */
  LoopHarness holdWorkAfter(Predicate<JournalEntry> entry) {
    holdAfter = entry;
    return this;
  }

  /**
   * The migration pattern on scripted containers: PostgreSQL listens 1.2 s after its start, the
   * migration logs a line and exits 0 after 2 s.
   */
  static LoopHarness migration() {
    LoopHarness run = new LoopHarness(Plans.migration());
    run.runtime.scriptNamed("db-postgres").opensPortAfter(5432, Duration.ofMillis(1200));
    run.runtime.scriptNamed("db-migration-pythonapp")
        .logsAfter(Duration.ofMillis(500), "applying 0001_create_greetings.sql")
        .exitsAfter(Duration.ofSeconds(2), 0);
    return run;
  }

  /** From now on the workers take tasks but do not do them, as if the daemon died right here. */
  LoopHarness holdWork() {
    holding = true;
    return this;
  }

  /** Does the work held since {@link #holdWork()}, as late as a slow worker would. */
  LoopHarness releaseWork() {
    holding = false;
    List<Runnable> work = List.copyOf(heldWork);
    heldWork.clear();
    work.forEach(Runnable::run);
    return this;
  }

  /**
   * The daemon dies ({@code kill -9}): its loop, timers and work not yet done are gone; Docker and
   * the containers go on, and time passes with {@link #advance}.
   */
  LoopHarness crash() {
    run.close();
    heldWork.clear();
    crashed = true;
    return this;
  }

  /** A new daemon: reads the journal the dead one left and resumes the run against Docker. */
  LoopHarness restart() {
    LoopHarness next = new LoopHarness(plan, clock, runtime);
    next.ready = ready;
    journal.entries().forEach(next.journal::append);
    next.run.resume(journal.entries());
    next.run.loop().drain();
    return next;
  }

  static String nameOf(ContainerKey key) {
    return key.component() + "-" + key.container()
        + (key.instance() == 0 ? "" : "-" + key.instance());
  }

  LoopHarness readyCheck(Function<RunState, ProbeOutcome> check) {
    ready = check;
    return this;
  }

  LoopHarness start() {
    run.start();
    run.loop().drain();
    return this;
  }

  LoopHarness advance(Duration duration) {
    clock.advance(duration);
    if (!crashed) {
      run.loop().drain();
    }
    return this;
  }

  LoopHarness stop() {
    run.requestStop("interrupted");
    run.loop().drain();
    return this;
  }

  RunStatus status() {
    return run.status();
  }

  RunStatus.ContainerStatus container(ContainerKey key) {
    return status().container(key.toString()).orElseThrow();
  }

  /** The runtime's history, limited to the verbs that show ordering. */
  List<String> dockerCalls() {
    return runtime.history().stream()
        .filter(h -> h.startsWith("create ") || h.startsWith("start ") || h.startsWith("stop ")
            || h.startsWith("exit ") || h.startsWith("port-open ") || h.startsWith("pull "))
        .toList();
  }

  @Override
  public Optional<Instant> nextDue() {
    return Optional.empty();
  }

  @Override
  public void runDue(Instant now) {
    if (!crashed) {
      run.loop().drain();
    }
  }

  private final class TestLauncher implements Launcher {
    private final StartPlan plan;

    TestLauncher(StartPlan plan) {
      this.plan = plan;
    }

    @Override
    public PreparedContainer prepare(ContainerKey key, RunState state) {
      ContainerConfig config = ContainerConfig.builder(plan.container(key).image())
          .name(nameOf(key))
          .labels(InstanceLabels.of("shop", state.runId(), key, "hash"))
          .build();
      return new PreparedContainer(config, List.of());
    }

    @Override
    public ReadyProbe readyProbe(RunState state) {
      return () -> ready.apply(state);
    }
  }
}
