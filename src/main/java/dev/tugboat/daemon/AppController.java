package dev.tugboat.daemon;

import dev.tugboat.api.AppService;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.ApiException;
import dev.tugboat.api.ApplyResult;
import dev.tugboat.api.ConfigView;
import dev.tugboat.api.EventLog;
import dev.tugboat.api.LatencyHistogram;
import dev.tugboat.api.RunRecord;
import dev.tugboat.events.Decision;
import dev.tugboat.events.FileJournal;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.license.LicenseStore;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.orchestrator.Run;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.orchestrator.SystemScheduler;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.trigger.TcpConnector;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The app under the daemon: starts, stops and restarts runs, and publishes their status and
 * events for the API. Threading: every start, stop, restart and config change runs on one control
 * thread, in the order asked; a run's state belongs to its loop thread, which publishes snapshots
 * here; API threads only read the volatile snapshot and the event log.
 */
public final class AppController implements AppService, AutoCloseable {

  private final DaemonSetup setup;
  private final ContainerRuntime runtime;
  private final ExecutorService control = DaemonThreads.single("tugboat-control");
  private final ExecutorService workers = DaemonThreads.pool("tugboat-worker", 16);
  private final EngineHealth engineHealth;
  private final EventLog events = new EventLog(10_000);
  private final LatencyHistogram latency = new LatencyHistogram();
  private final AppActions actions;
  private final SpecStore specs;
  private final SpecUpgrade upgrades;
  private final RunHistory history;
  private final LicenseDesk licenses;
  private volatile AppSnapshot snapshot;
  private final AppSecrets secrets;
  private volatile String startupMessage = "";
  private volatile LiveRun live;
  private volatile String integrationUrl;
  private final IntegrationCallers integrationCallers;
  private volatile String startupFailure;
  private final RunJournals journals;
  private final EventFeed feed;
  private final AppIntent intent;
  private final Set<String> restartedAfterInterruption = ConcurrentHashMap.newKeySet();

  public AppController(DaemonSetup setup, ContainerRuntime runtime) {
    this.setup = setup;
    this.runtime = runtime;
    this.engineHealth = EngineHealth.onItsOwnThread(runtime, setup.clock(),
        new EngineStatusNotices(setup.log(), events));
    this.snapshot = AppSnapshot.idle("", "", "the app has not been started");
    this.secrets = new AppSecrets(SecretHistory.load(setup.daemon().stateDir(), setup.clock(),
        setup.log()::warn));
    this.specs = new SpecStore(setup.daemon().stateDir().resolve("spec"), setup.daemon().app(),
        setup.daemon().settingsFile());
    this.history = new RunHistory(setup.daemon().stateDir().resolve("history.json"),
        setup.clock(), setup.log()::warn);
    this.licenses = new LicenseDesk(new LicenseStore(setup.daemon().stateDir()), setup.clock(),
        setup.log());
    Supplier<LicensedApp> licensed = () -> licenses.forRun(history.releases());
    this.actions = new AppActions(setup, runtime, specs, licensed);
    this.journals = new RunJournals(setup.daemon().stateDir(), setup.clock(), setup.log());
    this.feed = new EventFeed(events, journals,
        new EventIdOffsets(setup.daemon().stateDir(), setup.log()::warn), secrets::masker,
        setup.log());
    this.intent = new AppIntent(setup.daemon().stateDir());
    this.integrationCallers = IntegrationCallers.of(setup);
    this.upgrades = new SpecUpgrade(setup, specs, actions,
        new UpgradeCheck(setup, runtime, licensed), new UpgradeControl());
  }

  /** The installed license, for the API and the Integration API. */
  public LicenseDesk licenses() {
    return licenses;
  }

  @Override
  public AppSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public EventLog events() {
    return events;
  }

  /**
   * Containers of later starts get this Integration API address, with their run's secret, in
   * their environment.
   */
  public void useIntegrationApi(String url) {
    integrationUrl = url;
  }

  @Override
  public Optional<String> integrationRefusal(String secret, java.net.InetAddress from) {
    LiveRun current = live;
    return integrationCallers.refusal(Optional.ofNullable(current).map(LiveRun::runId),
        snapshot.run(), secret, from);
  }

  @Override
  public LatencyHistogram triggerLatency() {
    return latency;
  }

  @Override
  public CompletableFuture<ControlResult> start() {
    return onControl(() -> {
      intent.recordOrRefuse(AppIntent.Wanted.STARTED, setup.log());
      return doStart();
    });
  }

  /** The daemon's first start of the app: see {@link #doResumeOrStart()}. */
  public CompletableFuture<ControlResult> resumeOrStart() {
    return onControl(this::doResumeOrStart);
  }

  /**
   * For a daemon that serves without starting the app: lists the kept runs' events, masked with
   * the app's secrets, as its first start would, so a client goes on after the id it had.
   */
  public CompletableFuture<Void> readEventsBack() {
    return onControl(() -> {
      AppConfig.Read read = setup.appConfig().read(actions.loadSpec());
      secrets.add(AppConfig.secrets(read.values()));
      feed.load();
      return null;
    });
  }

  @Override
  public CompletableFuture<ControlResult> stop() {
    return onControl(() -> {
      intent.recordOrRefuse(AppIntent.Wanted.STOPPED, setup.log());
      return doStop("asked by the operator");
    });
  }

  @Override
  public CompletableFuture<ControlResult> restart() {
    return onControl(() -> {
      intent.recordOrRefuse(AppIntent.Wanted.STARTED, setup.log());
      doStop("restart requested");
      return doStart();
    });
  }

  @Override
  public CompletableFuture<ConfigView> config() {
    return onControl(() -> setup.appConfig().read(actions.loadSpec()).view());
  }

  @Override
  public CompletableFuture<ConfigView> setConfig(Map<String, String> values) {
    return onControl(() -> {
      AppConfig.Read read = setup.appConfig().write(actions.loadSpec(), values);
      secrets.add(AppConfig.secrets(read.values()));
      setup.log().info("config changed: " + String.join(", ", values.keySet())
          + " (a restart applies the change)");
      return read.view();
    });
  }

  @Override
  public CompletableFuture<ConfigView> unsetConfig(List<String> names) {
    return onControl(() -> {
      AppConfig.Read read = setup.appConfig().unset(actions.loadSpec(), names);
      // an item with a value_cmd has a newly generated value, which may be a secret
      secrets.add(AppConfig.secrets(read.values()));
      setup.log().info("config unset: " + String.join(", ", names)
          + " (a restart applies the change)");
      return read.view();
    });
  }

  @Override
  public CompletableFuture<List<String>> logs(String component, String container, int tail) {
    return CompletableFuture.supplyAsync(
        () -> secrets.masker().maskLines(actions.logs(snapshot, component, container, tail)),
        workers);
  }

  @Override
  public CompletableFuture<AdminResult> admin(String alias, List<String> args) {
    LiveRun current = live;
    return CompletableFuture.supplyAsync(() -> {
      AdminResult result = actions.admin(current, snapshot, alias, args);
      setup.log().info("admin command " + alias + " exited " + result.exitCode());
      return new AdminResult(result.exitCode(), secrets.masker().mask(result.output()));
    }, workers);
  }

  @Override
  public CompletableFuture<ApplyResult> apply(String name, byte[] spec, boolean dryRun) {
    return onControl(() -> upgrades.apply(name, spec, dryRun));
  }

  @Override
  public CompletableFuture<ApplyResult> rollback() {
    return onControl(upgrades::rollback);
  }

  @Override
  public CompletableFuture<List<RunRecord>> history() {
    return CompletableFuture.supplyAsync(history::runs, workers);
  }

  @Override
  public CompletableFuture<Map<String, Object>> preflight() {
    return CompletableFuture.supplyAsync(actions.preflight()::check, workers);
  }

  @Override
  public Object lastPreflight() {
    return actions.lastPreflight();
  }

  @Override
  public CompletableFuture<Boolean> dockerReachable() {
    return engineHealth.reachable();
  }

  @Override
  public dev.tugboat.api.EngineStatus engineStatus() {
    return engineHealth.status();
  }

  @Override
  public void startupMessage(String message, boolean error) {
    String masked = secrets.masker().mask(message);
    startupMessage = masked;
    publish(() -> snapshot.withStartupMessage(masked));
    events.statusChanged();
    LiveRun current = live;
    // A startup error stops a start; once the app has started, it is a report to show, not a
    // reason to stop what runs (a restarting helper, or a container that is not the app's).
    boolean stops = error && current != null && current.isLive()
        && snapshot.state().equals("starting");
    setup.log().info("startup message" + (error ? " (error)" : "") + ": " + masked
        + (error && !stops ? " (the app is not starting: recorded, not acted on)" : ""));
    if (stops) {
      startupFailure = masked;
      current.run().requestStop("a container reported a startup error: " + masked);
    }
  }

  private ControlResult doStart() {
    LiveRun current = live;
    if (current != null && current.isLive() && snapshot.state().equals("failed")) {
      doStop("start requested after a failure");
    } else if (current != null && current.isLive()) {
      return new ControlResult(snapshot.state(), "the app is already running (run "
          + current.runId() + "); use restart to apply changes");
    }
    CheckedSpec checked = checkSpecOrFail();
    AppSpec spec = checked.spec();
    AppActions.Started started = prepareOrFail(checked, true);
    String runId = RunIds.next(setup.clock());
    long offset = feed.begin(runId);
    FileJournal journal = journals.create(runId, entry -> onEntry(entry, offset, true));
    LiveRun next = newRun(spec, started, runId, journal, setup.clock().instant());
    history.launched(runId, spec.name(), spec.version());
    publish(() -> new AppSnapshot(spec.name(), spec.version(), "starting", "starting run " + runId,
        "", next.startedAt(), null));
    setup.log().info("starting " + spec.name() + " " + spec.version() + " (run " + runId + ")");
    next.loop().start();
    next.run().start();
    return new ControlResult("starting", "started run " + runId);
  }

  /**
   * At the daemon's start: continues the latest run if its journal says it has not ended, else
   * starts a new one or leaves the app stopped, as {@link BootChoice} says. A journal that cannot
   * be read back counts as no run: a new run starts, and its preflight removes what is left.
   */
  private ControlResult doResumeOrStart() {
    if (live != null) {
      // An operator's request got to the control thread first; it already decided.
      return new ControlResult(snapshot.state(),
          "the app was already started or stopped on request");
    }
    Optional<AppIntent.Wanted> wanted = intent.readOrWarn(setup.log());
    LiveRun resumed = journals.latestRunId().flatMap(this::replay).orElse(null);
    Optional<BootChoice.LatestRun> latestRun = Optional.ofNullable(resumed).map(run ->
        new BootChoice.LatestRun(run.run().status().ended(), run.run().status().interrupted()));
    BootChoice choice = BootChoice.of(wanted, latestRun);
    RunStatus status = resumed == null ? null : resumed.run().status();
    switch (choice) {
      case START_NEW -> {
        if (status != null && status.interrupted()) {
          setup.log().warn("run " + status.runId() + " was interrupted: "
              + secrets.masker().mask(status.message()) + "; starting the app in a new run");
        }
        return doStart();
      }
      case STAY_STOPPED -> {
        setup.log().info("the app was stopped by the operator and stays stopped until it is "
            + "started");
        return new ControlResult("stopped", "the app stays stopped");
      }
      default -> {
        setup.log().info("resuming run " + status.runId() + " (" + status.state().label() + ")");
        resumed.loop().start();
        if (choice == BootChoice.RESUME_AND_STOP) {
          return doStop("the operator asked for a stop the daemon had not finished");
        }
        return new ControlResult(status.state().label(), "resumed run " + status.runId());
      }
    }
  }

  /** The latest run rebuilt from its journal (listening to Docker again), not yet running. */
  private Optional<LiveRun> replay(String runId) {
    try {
      CheckedSpec checked = actions.checkSpec();
      AppSpec spec = checked.spec();
      AppActions.Started started = prepareOrFail(checked, false);
      long offset = feed.offsetOf(runId);
      FileJournal journal = journals.reopen(runId, entry -> onEntry(entry, offset, true));
      if (journal.entries().isEmpty()) {
        journals.close(journal, runId);
        return Optional.empty();
      }
      journal.entries().forEach(entry -> onEntry(entry, offset, false));
      LiveRun resumed = newRun(spec, started, runId, journal, journal.entries().get(0).time());
      resumed.run().resume(journal.entries());
      return Optional.of(resumed);
    } catch (IOException | RuntimeException e) {
      setup.log().error("cannot resume run " + runId + " from its journal: " + e.getMessage());
      return Optional.empty();
    }
  }

  private CheckedSpec checkSpecOrFail() {
    try {
      return actions.checkSpec();
    } catch (ApiException e) {
      publish(() -> new AppSnapshot(snapshot.specName(), snapshot.specVersion(), "failed",
          e.getMessage(), "", null, snapshot.run()));
      setup.log().error("cannot start the app: " + e.getMessage());
      throw e;
    }
  }

  private AppActions.Started prepareOrFail(CheckedSpec checked, boolean preflight) {
    AppSpec spec = checked.spec();
    try {
      Optional<java.util.function.Function<String, String>> url =
          Optional.ofNullable(integrationUrl).map(integrationCallers::addressOfRun);
      AppActions.Started started = preflight ? actions.prepare(checked, url)
          : actions.prepareToResume(checked, url);
      secrets.add(started.secrets());
      secrets.add(started.prepared().masker());
      startupMessage = "";
      startupFailure = null;
      return started;
    } catch (ApiException e) {
      publish(() -> new AppSnapshot(spec.name(), spec.version(), "failed", e.getMessage(), "",
          null, snapshot.run()));
      setup.log().error("cannot start " + spec.name() + ": " + e.getMessage());
      throw e;
    }
  }

  /** The run, its loop thread (not started) and journal, made the daemon's current run. */
  private LiveRun newRun(AppSpec spec, AppActions.Started started, String runId,
      FileJournal journal, Instant startedAt) {
    closeJournal(live);
    Run run = new Run(new Run.Setup(started.prepared().inputs().app(), runId,
        started.prepared().plan(), runtime,
        started.prepared().reportingSecrets(secrets::add).launcher(), setup.clock(),
        journal, workers, new SystemScheduler(), TcpConnector.sockets(),
        status -> onStatus(spec, status)));
    Thread loop = new Thread(run::runLoop, "tugboat-loop");
    loop.setDaemon(true);
    LiveRun next = new LiveRun(spec, runId, run, loop, startedAt, journal);
    live = next;
    return next;
  }

  private void closeJournal(LiveRun run) {
    if (run != null) {
      journals.close(run.journal(), run.runId());
    }
  }

  private ControlResult doStop(String reason) {
    LiveRun current = live;
    if (current == null || !current.isLive()) {
      return new ControlResult(snapshot.state(), "the app is not running");
    }
    // The run's own line ("stop requested: <reason>") tells the log; no second line here.
    current.run().requestStop(reason);
    try {
      current.loop().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "the daemon is shutting down");
    }
    current.run().close();
    return new ControlResult(snapshot.state(), "stopped run " + current.runId());
  }

  /**
   * On the loop thread: each journal entry becomes an API event (numbered from the run's {@code
   * offset}; listed once the status after it is published, see {@link #onStatus}) and, if it
   * tells something and is new ({@code live}, not read back from the journal), a log line.
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

  /**
   * On the loop thread: publish the new status, then the events that led to it. A run that ends
   * interrupted (its services stopped while nobody watched) is followed by a new run, once.
   */
  private void onStatus(AppSpec spec, RunStatus status) {
    LiveRun current = live;
    if (status.ended() && status.interrupted() && current != null
        && current.runId().equals(status.runId()) && current.loop().isAlive()
        && restartedAfterInterruption.add(status.runId())) {
      setup.log().warn("run " + status.runId() + " was interrupted: "
          + secrets.masker().mask(status.message()) + "; starting the app in a new run");
      onControl(this::doStart);
    }
    String failure = startupFailure;
    boolean failed = failure != null && status.state() != dev.tugboat.events.AppPhase.STARTING;
    publish(() -> new AppSnapshot(spec.name(), spec.version(),
        failed ? "failed" : status.state().label(),
        failed ? "startup failed: " + failure : secrets.masker().mask(status.message()),
        startupMessage,
        current == null ? null : current.startedAt(), MaskedStatus.of(status, secrets.masker())));
    AppSnapshot shown = snapshot;
    history.observed(status.runId(), shown.state(), shown.message(), status.ended());
    upgrades.observe(status);
    feed.release();
  }

  /** How an apply or rollback stops and starts runs: as the API's stop and start do. */
  private final class UpgradeControl implements SpecUpgrade.Control {
    @Override
    public ControlResult stop(String reason) {
      intent.recordOrRefuse(AppIntent.Wanted.STOPPED, setup.log());
      return doStop(reason);
    }

    @Override
    public ControlResult start() {
      intent.recordOrRefuse(AppIntent.Wanted.STARTED, setup.log());
      return doStart();
    }

    @Override
    public Optional<String> liveRunId() {
      return Optional.ofNullable(live).map(LiveRun::runId);
    }

    @Override
    public void later(Runnable action) {
      control.execute(() -> {
        try {
          action.run();
        } catch (RuntimeException e) {
          setup.log().error("stopping a failed upgrade's run did not finish: " + e.getMessage());
        }
      });
    }

    @Override
    public void showFailure(String message) {
      String masked = secrets.masker().mask(message);
      publish(() -> new AppSnapshot(snapshot.specName(), snapshot.specVersion(), "failed", masked,
          snapshot.startupMessage(), snapshot.startedAt(), snapshot.run()));
      history.observed(liveRunId().orElse(""), "failed", masked, true);
      setup.log().error(masked);
    }
  }

  private synchronized void publish(Supplier<AppSnapshot> next) {
    snapshot = next.get();
  }

  private <T> CompletableFuture<T> onControl(Supplier<T> action) {
    return CompletableFuture.supplyAsync(action, control);
  }

  /**
   * Leaves the app running: stops listening to Docker for the current run, so the daemon can exit
   * while the containers keep running, to be found again by the next start.
   */
  @Override
  public void close() {
    LiveRun current = live;
    if (current != null) {
      current.run().close();
      closeJournal(current);
    }
    control.shutdownNow();
    workers.shutdownNow();
    engineHealth.close();
  }
}
