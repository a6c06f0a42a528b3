package dev.tugboat.daemon;

import dev.tugboat.api.LatencyHistogram;
import dev.tugboat.events.Decision;
import dev.tugboat.events.FileJournal;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.orchestrator.Run;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.orchestrator.SystemScheduler;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.trigger.TcpConnector;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Makes the daemon's runs: a run's journal, whose entries become the API's events, log lines and
 * trigger latencies; the {@link Run} with its loop thread, which hands each status and, when its
 * loop returns, its end to the supervisor's queue. Holds no state of its own.
 */
final class RunMaker {

  private final DaemonSetup setup;
  private final ContainerRuntime runtime;
  private final Executor workers;
  private final AppSecrets secrets;
  private final RunJournals journals;
  private final EventFeed feed;
  private final LatencyHistogram latency;
  private final Consumer<Runnable> supervisor;
  private final BiConsumer<LiveRun, RunStatus> onStatus;
  private final Consumer<LiveRun> onEnd;
  // One for the daemon's runs, not one per run: each keeps a thread for the connects still under
  // way, which outlives its run by its idle time (30 s), so runs in quick succession (restarts,
  // runs that fail at once) left a thread and a selector each behind them.
  private final TcpConnector connector = TcpConnector.sockets();

  /** {@code onStatus} and {@code onEnd} run through {@code supervisor}, its queue. */
  RunMaker(DaemonSetup setup, ContainerRuntime runtime, Executor workers, AppSecrets secrets,
      RunJournals journals, EventFeed feed, LatencyHistogram latency,
      Consumer<Runnable> supervisor, BiConsumer<LiveRun, RunStatus> onStatus,
      Consumer<LiveRun> onEnd) {
    this.setup = setup;
    this.runtime = runtime;
    this.workers = workers;
    this.secrets = secrets;
    this.journals = journals;
    this.feed = feed;
    this.latency = latency;
    this.supervisor = supervisor;
    this.onStatus = onStatus;
    this.onEnd = onEnd;
  }

  /** A new run's journal, its events numbered from {@code offset}. */
  FileJournal newJournal(String runId, long offset) {
    return journals.create(runId, entry -> onEntry(entry, offset, true));
  }

  /** The journal of a run to resume; {@link #readBack} lists what it holds. */
  FileJournal reopenJournal(String runId, long offset) throws IOException {
    return journals.reopen(runId, entry -> onEntry(entry, offset, true));
  }

  /** The events of entries read back from a journal, without logging them again. */
  void readBack(List<JournalEntry> entries, long offset) {
    entries.forEach(entry -> onEntry(entry, offset, false));
  }

  /** The run and its loop thread (not started). */
  LiveRun make(AppSpec spec, AppActions.Started started, String runId, FileJournal journal,
      Instant startedAt, long offset) {
    LiveRun[] made = new LiveRun[1];
    PauseLog pauses = new PauseLog(setup.log(), secrets::masker);
    Run run = new Run(new Run.Setup(started.prepared().inputs().app(), runId,
        started.prepared().plan(), runtime,
        started.prepared().reportingSecrets(secrets::add).launcher(), setup.clock(),
        journal, workers, new SystemScheduler(), connector,
        status -> {
          RunStatus observed = pauses.observe(status);
          supervisor.accept(() -> onStatus.accept(made[0], observed));
        }, setup.daemon().resyncPeriod()));
    Thread loop = new Thread(() -> {
      try {
        run.runLoop();
      } finally {
        supervisor.accept(() -> onEnd.accept(made[0]));
      }
    }, "tugboat-loop");
    loop.setDaemon(true);
    made[0] = new LiveRun(spec, runId, run, loop, startedAt, journal, offset);
    return made[0];
  }

  /**
   * On a run's loop thread: each journal entry becomes an API event (numbered from the run's
   * {@code offset}; listed once the status after it is published) and, if it tells something and
   * is new ({@code live}, not read back from the journal), a log line.
   */
  private void onEntry(JournalEntry entry, long offset, boolean live) {
    if (entry.record() instanceof Decision.Fire fire) {
      latency.observe(fire.trigger().split(" ", 2)[0], fire.took());
    }
    String text = feed.hold(offset, entry);
    if (live && !text.isEmpty()) {
      setup.log().info(text);
    }
  }
}
