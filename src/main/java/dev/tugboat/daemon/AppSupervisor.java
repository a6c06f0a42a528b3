package dev.tugboat.daemon;

import dev.tugboat.api.AppFailure;
import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.ApplyResult;
import dev.tugboat.api.ConfigView;
import dev.tugboat.api.EventLog;
import dev.tugboat.api.LatencyHistogram;
import dev.tugboat.api.RunRecord;
import dev.tugboat.api.SnapshotInfo;
import dev.tugboat.api.SnapshotResult;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.app.RunIds;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.AppPhase;
import dev.tugboat.events.FileJournal;
import dev.tugboat.license.LicenseStore;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.orchestrator.RunWorkers;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.EngineDiagnostics;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.spec.AppSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The app under the daemon, owned by one thread: the supervisor. Every command (start, stop,
 * restart, apply, rollback, config changes, a container's startup message, a run's new status and
 * its end) is a task on the supervisor's queue, handled in the order it came; only the supervisor
 * changes the app's state, and it publishes an immutable {@link AppSnapshot} after each change.
 * API, CLI and Integration API threads read snapshots and post commands; a run's loop thread posts
 * its statuses and, when its loop returns, its end.
 *
 * <p>The supervisor never waits for a run or for Docker: a stop asks the run's loop to stop and
 * answers at once ({@link ControlResult#underWay()}); what follows a stop (the start of a restart,
 * an apply's swap of the spec) waits in {@link #afterRunEnds} until the run's end comes back as a
 * command. A start's preflight and an apply's checks (images, requirements, ports: Docker calls)
 * run beside it ({@link CommandQueue#beside}), and their results come back the same way; a start
 * answers once it is accepted. So a hung or paused engine delays the app, never the daemon's
 * answers. Its own Docker calls are few and bounded: a new run's subscription and its look at
 * what earlier runs left, each with the engine's call deadline.
 */
public final class AppSupervisor implements AppService, AutoCloseable {

  private final DaemonSetup setup;
  private final ContainerRuntime runtime;
  private final ExecutorService workers = RunWorkers.pool("tugboat-worker");
  private final CommandQueue queue;
  private final EngineHealth engineHealth;
  private final EventLog events = new EventLog(10_000);
  private final LatencyHistogram latency = new LatencyHistogram();
  private final AppActions actions;
  private final AdminCommands admins;
  private final ConfigTests configTests;
  private final SpecStore specs;
  private final SpecUpgrade upgrades;
  private final ImageUpkeep imageUpkeep;
  private final BundleDesk bundles;
  private final RunHistory history;
  private final LicenseDesk licenses;
  private final AppSecrets secrets;
  private final IntegrationCallers integrationCallers;
  private final RunJournals journals;
  private final EventFeed feed;
  private final AppIntent intent;
  private final RunMaker runs;
  private final SupportBundles support;
  private final EngineDiagnostics diagnostics;
  private final SnapshotDesk snapshots;
  private final UnfinishedRestore unfinishedRestore;

  // Read by any thread; written by the supervisor alone.
  private volatile AppSnapshot snapshot;
  private volatile LiveRun live;
  private volatile String integrationUrl;

  // The supervisor's alone.
  private String startupMessage = "";
  private String startupFailure;
  private Preparing preparing;
  // an apply or rollback under way, from its checks to its new run's launch; null when none
  private String upgrading;
  private final List<Runnable> afterRunEnds = new ArrayList<>();
  // the last run followed by a new one because it was interrupted: each is followed once
  private String restartedAfterInterruption = "";

  /** A start being prepared on a worker; a stop meanwhile cancels it. */
  private static final class Preparing {
    boolean cancelled;
  }

  public AppSupervisor(DaemonSetup setup, ContainerRuntime runtime) {
    this(setup, runtime, NoImageArchive.INSTANCE, new UnavailableVolumes());
  }

  /**
   * {@code archive}: where images of uploaded bundles are loaded; {@code volumes}: how snapshots
   * copy the app's data.
   */
  public AppSupervisor(DaemonSetup setup, ContainerRuntime runtime,
      dev.tugboat.runtime.ImageArchive archive, VolumeArchive volumes) {
    this(setup, runtime, archive, volumes,
        new EngineDiagnosticsConnection(setup.daemon().dockerHost()));
  }

  /** With {@code diagnostics}: what support bundles ask of the engine (closed with this). */
  AppSupervisor(DaemonSetup setup, ContainerRuntime runtime,
      dev.tugboat.runtime.ImageArchive archive, VolumeArchive volumes,
      EngineDiagnostics diagnostics) {
    this.setup = setup;
    this.diagnostics = diagnostics;
    this.runtime = runtime;
    this.queue = new CommandQueue(workers, setup.log()::error);
    this.engineHealth = EngineHealth.onItsOwnThread(runtime, setup.clock(),
        new EngineStatusNotices(setup.log(), events));
    this.snapshot = AppSnapshot.idle("", "", "the app has not been started");
    this.secrets = new AppSecrets(SecretHistory.load(setup.daemon().stateDir(), setup.clock(),
        setup.log()::warn));
    this.specs = new SpecStore(setup.daemon().stateDir().resolve("spec"), setup.daemon().app(),
        setup.daemon().settingsFile(), setup.log()::warn, SpecStore.Steps.NONE);
    this.history = new RunHistory(setup.daemon().stateDir().resolve("history.json"),
        setup.clock(), setup.log()::warn);
    this.licenses = new LicenseDesk(new LicenseStore(setup.daemon().stateDir()), setup.clock(),
        setup.log());
    Supplier<LicensedApp> licensed = () -> licenses.forRun(history.releases());
    this.actions = new AppActions(setup, runtime, specs, licensed, volumes);
    this.admins = new AdminCommands(runtime, spec -> setup.appConfig().environment(spec));
    this.configTests = new ConfigTests(setup, actions, specs, licensed, runtime);
    this.journals = new RunJournals(setup.daemon().stateDir(), setup.clock(), setup.log());
    this.feed = new EventFeed(events, journals,
        new EventIdOffsets(setup.daemon().stateDir(), setup.log()::warn), secrets::masker,
        setup.log());
    this.intent = new AppIntent(setup.daemon().stateDir());
    this.integrationCallers = IntegrationCallers.of(setup);
    this.runs = new RunMaker(setup, runtime, workers, secrets, journals, feed, latency,
        queue::post, this::statusChanged, this::runEnded);
    UpgradeControl control = new UpgradeControl();
    SnapshotStore snapshotStore = new SnapshotStore(setup.daemon().snapshotsDir(),
        setup.log()::warn);
    this.unfinishedRestore = new UnfinishedRestore(setup.daemon().stateDir());
    // the restorer empties through it: the first emptying records the restore as unfinished
    RecordedEmptying restoring = new RecordedEmptying(volumes, unfinishedRestore);
    this.snapshots = new SnapshotDesk(setup, specs, actions, snapshotStore,
        new SnapshotTaker(snapshotStore, volumes, setup.clock(), setup.log(),
            setup.daemon().snapshotsKept(), SnapshotTaker::usableSpaceOf),
        new SnapshotRestorer(snapshotStore, restoring, runtime, setup.log(),
            actions.dataChoice(), actions::appName), control, unfinishedRestore, restoring,
        new SnapshotPause(setup.daemon().stateDir(), runtime, setup.log()));
    this.upgrades = new SpecUpgrade(setup, specs, actions,
        new UpgradeCheck(setup, runtime, licensed), control, snapshots);
    this.imageUpkeep = new ImageUpkeep(new AppImages(setup.daemon().stateDir()
        .resolve("images.json"), runtime, setup.log(), setup.clock()), specs::previous,
        setup.daemon().registries().addresses(), setup.log(), workers);
    this.support = new SupportBundles(this, setup, specs::current, diagnostics, workers,
        SupportLimits.DEFAULT, integrationCallers::secretOfRun);
    BundleInstall bundleInstall = new BundleInstall(setup, specs, actions, upgrades, archive,
        control, dev.tugboat.requirements.HostMeasurer.ofThisMachine(runtime)::measure);
    this.bundles = new BundleDesk(setup.daemon().stateDir(), setup.log(), (file, name, dry,
        loadOnly) -> command(() -> upgrade("a bundle install",
            () -> bundleInstall.install(file, name, dry, loadOnly))));
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
  public SecretMasker masker() {
    return secrets.masker();
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
  public Optional<String> integrationRefusal(String secret, InetAddress from) {
    LiveRun current = live;
    return integrationCallers.refusal(Optional.ofNullable(current).map(LiveRun::runId),
        snapshot.run(), secret, from);
  }

  @Override
  public LatencyHistogram triggerLatency() {
    return latency;
  }

  /** Completes once the supervisor has handled everything posted before it: it is alive. */
  public CompletableFuture<Void> heartbeat() {
    return command(() -> CompletableFuture.completedFuture(null));
  }

  @Override
  public CompletableFuture<ControlResult> start() {
    return command(() -> {
      refuseDuringUpgrade();
      unfinishedRestore.refuseIfUnfinished();
      intent.recordOrRefuse(AppIntent.Wanted.STARTED, setup.log());
      CompletableFuture<ControlResult> launched = startApp();
      if (launched.isDone()) {
        return launched; // already running, or refused by the spec's checks
      }
      // the preparation (images, requirements, ports) can take long, or wait for an engine that
      // does not answer: the start is accepted, and the status shows how it ends
      launched.exceptionally(refused -> null); // shown and logged where it was decided
      return CompletableFuture.completedFuture(new ControlResult(AppPhase.STARTING.label(),
          "the start is accepted: its preparation is under way (images, requirements, ports);"
              + " GET /api/v1/status shows when it has started or why it was refused", true));
    });
  }

  /** The daemon's first start of the app: see {@link #resumeOrStartApp()}. */
  public CompletableFuture<ControlResult> resumeOrStart() {
    return command(this::resumeOrStartApp);
  }

  /**
   * For a daemon that serves without starting the app: lists the kept runs' events, masked with
   * the app's secrets, as its first start would, so a client goes on after the id it had.
   */
  public CompletableFuture<Void> readEventsBack() {
    return command(() -> {
      AppConfig.Read read = setup.appConfig().read(actions.loadSpec());
      secrets.add(AppConfig.secrets(read.values()));
      feed.load();
      return CompletableFuture.completedFuture(null);
    });
  }

  @Override
  public CompletableFuture<ControlResult> stop() {
    return command(() -> {
      refuseDuringUpgrade();
      intent.recordOrRefuse(AppIntent.Wanted.STOPPED, setup.log());
      return CompletableFuture.completedFuture(stopApp("asked by the operator"));
    });
  }

  /**
   * Checks the spec first (a spec that would be refused stops nothing), then stops the run and,
   * once it ended, starts a new one with the spec and config values on disk.
   */
  @Override
  public CompletableFuture<ControlResult> restart() {
    return command(() -> {
      refuseDuringUpgrade();
      unfinishedRestore.refuseIfUnfinished();
      CheckedSpec checked = checkSpecOrFail();
      intent.recordOrRefuse(AppIntent.Wanted.STARTED, setup.log());
      LiveRun current = live;
      if (preparing != null) {
        return CompletableFuture.completedFuture(new ControlResult(AppPhase.STARTING.label(),
            "the app is being started already; its start uses the spec and values on disk"));
      }
      if (current == null || current.ended()) {
        return startApp(Optional.of(checked)); // checked a moment ago: not loaded a second time
      }
      ControlResult stopping = stopApp("restart requested");
      whenRunEnds(this::startApp);
      return CompletableFuture.completedFuture(new ControlResult(stopping.state(),
          "restarting: " + stopping.message() + ", then a new run starts", true));
    });
  }

  @Override
  public CompletableFuture<ConfigView> config() {
    return command(() -> CompletableFuture.completedFuture(
        setup.appConfig().read(actions.loadSpec()).view()));
  }

  @Override
  public CompletableFuture<ConfigView> setConfig(Map<String, String> values) {
    return command(() -> {
      AppConfig.Read read = setup.appConfig().write(actions.loadSpec(), values);
      secrets.add(AppConfig.secrets(read.values()));
      setup.log().info("config changed: " + String.join(", ", values.keySet())
          + " (a restart applies the change)");
      return CompletableFuture.completedFuture(read.view());
    });
  }

  @Override
  public CompletableFuture<ConfigView> unsetConfig(List<String> names) {
    return command(() -> {
      AppConfig.Read read = setup.appConfig().unset(actions.loadSpec(), names);
      // an item with a value_cmd has a newly generated value, which may be a secret
      secrets.add(AppConfig.secrets(read.values()));
      setup.log().info("config unset: " + String.join(", ", names)
          + " (a restart applies the change)");
      return CompletableFuture.completedFuture(read.view());
    });
  }

  @Override
  public CompletableFuture<List<String>> logs(String component, String container, int tail) {
    AppSnapshot shown = snapshot;
    return CompletableFuture.supplyAsync(
        () -> secrets.masker().maskLines(actions.logs(shown, component, container, tail)),
        workers);
  }

  @Override
  public CompletableFuture<dev.tugboat.api.ConfigTestResult> testConfig(String item,
      Map<String, String> values) {
    // A test runs a container for up to its timeout: beside the supervisor, like an admin command.
    return CompletableFuture.supplyAsync(() -> configTests.run(item, values), workers);
  }

  @Override
  public CompletableFuture<AdminResult> admin(String alias, List<String> args) {
    LiveRun current = live;
    AppSnapshot shown = snapshot;
    return CompletableFuture.supplyAsync(() -> {
      AdminResult result = admins.run(current, shown, alias, args);
      setup.log().info("admin command " + alias + " exited " + result.exitCode());
      return new AdminResult(result.exitCode(), secrets.masker().mask(result.output()));
    }, workers);
  }

  @Override
  public CompletableFuture<ApplyResult> apply(String name, byte[] spec, boolean dryRun) {
    return command(() -> upgrade("an apply", () -> upgrades.apply(name, spec, dryRun)));
  }

  @Override
  public Optional<dev.tugboat.api.BundleUploads> bundles() {
    return Optional.of(bundles);
  }

  @Override
  public CompletableFuture<ApplyResult> rollback() {
    return rollback(false);
  }

  @Override
  public CompletableFuture<ApplyResult> rollback(boolean withData) {
    return command(() -> upgrade(withData ? "a rollback with data" : "a rollback",
        () -> upgrades.rollback(withData)));
  }

  @Override
  public CompletableFuture<List<SnapshotInfo>> snapshots() {
    return CompletableFuture.supplyAsync(snapshots::list, workers);
  }

  @Override
  public CompletableFuture<SnapshotResult> createSnapshot(boolean stopFirst) {
    return command(() -> upgrade("a snapshot", () -> snapshots.create(stopFirst)));
  }

  @Override
  public CompletableFuture<SnapshotResult> restoreSnapshot(String id) {
    return command(() -> upgrade("a restore of snapshot " + id, () -> snapshots.restore(id)));
  }

  /**
   * An apply or rollback: its checks run off the supervisor (they pull images), and until its new
   * run is launched no other start, stop, restart or upgrade is taken, so none can come between
   * its checks and its swap of the spec.
   */
  private <T> CompletableFuture<T> upgrade(String what, Supplier<CompletableFuture<T>> work) {
    refuseDuringUpgrade();
    upgrading = what;
    CompletableFuture<T> done;
    try {
      done = work.get();
    } catch (RuntimeException e) {
      upgrading = null;
      throw e;
    }
    // completes on the supervisor: every step of an upgrade does
    return done.whenComplete((value, failure) -> upgrading = null);
  }

  private void refuseDuringUpgrade() {
    if (upgrading != null) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, upgrading + " is under way (checking,"
          + " copying data, stopping the app or starting the new run): ask again once it is"
          + " done; GET /api/v1/status shows it");
    }
  }

  @Override
  public CompletableFuture<List<RunRecord>> history() {
    return CompletableFuture.supplyAsync(history::runs, workers);
  }

  @Override
  public CompletableFuture<dev.tugboat.api.SupportBundle> supportBundle() {
    return support.make();
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
  public dev.tugboat.api.EngineStatus engineStatus() {
    return engineHealth.status();
  }

  @Override
  public CompletableFuture<Boolean> dockerReachable() {
    return engineHealth.reachable();
  }

  /** From the Integration API's thread: handled on the supervisor, in order with the run. */
  @Override
  public void startupMessage(String message, boolean error) {
    post(() -> startupMessageArrived(message, error));
  }

  private void startupMessageArrived(String message, boolean error) {
    String masked = secrets.masker().mask(message);
    startupMessage = message;
    publish(snapshot.withStartupMessage(message));
    events.statusChanged();
    LiveRun current = live;
    // A startup error stops a start; once the app has started, it is a report to show, not a
    // reason to stop what runs (a restarting helper, or a container that is not the app's).
    boolean stops = error && current != null && !current.ended() && !current.stopping()
        && snapshot.state() == AppPhase.STARTING;
    setup.log().info("startup message" + (error ? " (error)" : "") + ": " + masked
        + (error && !stops ? " (the app is not starting: recorded, not acted on)" : ""));
    if (stops) {
      startupFailure = message;
      current.requestStop("a container reported a startup error: " + masked);
    }
  }

  /**
   * Starts a run: at once when none is live; after the live one ended when it is stopping or has
   * failed; not at all when one runs. Completes once the run was launched, or refused.
   */
  private CompletableFuture<ControlResult> startApp() {
    return startApp(Optional.empty());
  }

  /** As above, with the spec already checked in this same command, if it was. */
  private CompletableFuture<ControlResult> startApp(Optional<CheckedSpec> checkedNow) {
    LiveRun current = live;
    if (preparing != null) {
      return CompletableFuture.completedFuture(new ControlResult(AppPhase.STARTING.label(),
          "the app is being started already"));
    }
    if (current != null && !current.ended()) {
      if (current.stopping()) {
        return whenRunEnds(this::startApp);
      }
      if (snapshot.state() == AppPhase.FAILED) {
        stopApp("start requested after a failure");
        return whenRunEnds(this::startApp);
      }
      return CompletableFuture.completedFuture(new ControlResult(snapshot.state().label(),
          "the app is already running (run " + current.runId()
              + "); use restart to apply changes"));
    }
    try {
      unfinishedRestore.refuseIfUnfinished(); // the data is half restored
    } catch (AppRefusal e) {
      refused(null, AppFailure.Kind.START_REFUSED, e);
      throw e;
    }
    CheckedSpec checked = checkedNow.orElseGet(this::checkSpecOrFail);
    AppSpec spec = checked.spec();
    Optional<Function<String, String>> url =
        Optional.ofNullable(integrationUrl).map(integrationCallers::addressOfRun);
    AppActions.Started planned;
    try {
      planned = actions.plan(checked, url); // a config value or a render that fails: at once
    } catch (RuntimeException e) {
      refused(spec, AppFailure.Kind.START_REFUSED, e);
      throw e;
    }
    Preparing underWay = new Preparing();
    preparing = underWay;
    publish(new AppSnapshot(spec.name(), spec.version(), AppPhase.STARTING,
        "preparing the start: requirements, images and ports", null, snapshot.startupMessage(),
        null, snapshot.run()));
    // the preflight makes Docker calls (images, ports, requirement containers): beside the
    // supervisor, which takes a stop meanwhile; what follows runs on the supervisor again
    return queue.beside(() -> {
      actions.preflight(checked, planned);
      return planned;
    }).handle((started, failure) -> {
      if (failure != null) {
        preparing = null;
        RuntimeException refusal = failure instanceof RuntimeException e ? e
            : new IllegalStateException(failure);
        refused(spec, AppFailure.Kind.START_REFUSED, refusal);
        throw refusal;
      }
      return prepared(underWay, spec, started);
    });
  }

  /** A start's preparation is done: launches its run, unless a stop came meanwhile. */
  private ControlResult prepared(Preparing done, AppSpec spec, AppActions.Started started) {
    preparing = null;
    if (done.cancelled) {
      publish(new AppSnapshot(spec.name(), spec.version(), AppPhase.STOPPED,
          "the start was cancelled: a stop was asked while it was being prepared", null,
          snapshot.startupMessage(), null, snapshot.run()));
      return new ControlResult(AppPhase.STOPPED.label(), "the start was cancelled by a stop");
    }
    knowSecrets(started);
    String runId = RunIds.next(setup.clock());
    long offset = feed.begin(runId);
    FileJournal journal = runs.newJournal(runId, offset);
    LiveRun next = newRun(spec, started, runId, journal, setup.clock().instant(), offset);
    history.launched(runId, spec.name(), spec.version());
    publish(new AppSnapshot(spec.name(), spec.version(), AppPhase.STARTING,
        "starting run " + runId, null, "", next.startedAt(), null));
    setup.log().info("starting " + spec.name() + " " + spec.version() + " (run " + runId + ")");
    next.loop().start();
    started.inputs().ifPresentOrElse(next.run()::start, next.run()::start);
    return new ControlResult(AppPhase.STARTING.label(), "started run " + runId);
  }

  /**
   * At the daemon's start: continues the latest run if its journal says it has not ended, else
   * starts a new one or leaves the app stopped, as {@link BootChoice} says. A journal that cannot
   * be read back counts as no run: a new run starts, and its preflight removes what is left.
   */
  private CompletableFuture<ControlResult> resumeOrStartApp() {
    // first, whatever else this start does: recovery would take frozen containers for running
    // ones, and an app left frozen answers nothing
    snapshots.resumeLeftPaused();
    if (live != null || preparing != null) {
      // An operator's request got to the supervisor first; it already decided.
      return CompletableFuture.completedFuture(new ControlResult(snapshot.state().label(),
          "the app was already started or stopped on request"));
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
        if (resumed != null) {
          endRun(resumed);
        }
        return startApp();
      }
      case STAY_STOPPED -> {
        if (resumed != null) {
          endRun(resumed);
        }
        setup.log().info("the app was stopped by the operator and stays stopped until it is "
            + "started");
        return CompletableFuture.completedFuture(
            new ControlResult(AppPhase.STOPPED.label(), "the app stays stopped"));
      }
      case RESUME, RESUME_AND_STOP -> {
        setup.log().info("resuming run " + status.runId() + " (" + status.state().label() + ")");
        resumed.loop().start();
        if (choice == BootChoice.RESUME_AND_STOP) {
          return CompletableFuture.completedFuture(
              stopApp("the operator asked for a stop the daemon had not finished"));
        }
        return CompletableFuture.completedFuture(
            new ControlResult(status.state().label(), "resumed run " + status.runId()));
      }
      default -> throw new AssertionError("a boot choice without a case: " + choice);
    }
  }

  /**
   * The latest run rebuilt from its journal (listening to Docker again), not yet running, with the
   * spec and settings it started with ({@link AppActions#prepareToResume}).
   */
  private Optional<LiveRun> replay(String runId) {
    long offset = feed.offsetOf(runId);
    FileJournal journal;
    try {
      journal = runs.reopenJournal(runId, offset);
    } catch (IOException | RuntimeException e) {
      setup.log().error("cannot resume run " + runId + " from its journal: " + e.getMessage());
      return Optional.empty();
    }
    LiveRun resumed = null;
    try {
      if (journal.entries().isEmpty()) {
        journals.close(journal, runId);
        return Optional.empty();
      }
      Optional<Function<String, String>> url =
          Optional.ofNullable(integrationUrl).map(integrationCallers::addressOfRun);
      AppActions.Started started = actions.prepareToResume(runId, journal.entries(), url);
      knowSecrets(started);
      AppSpec spec = started.prepared().spec();
      runs.readBack(journal.entries(), offset);
      resumed = newRun(spec, started, runId, journal, journal.entries().get(0).time(), offset);
      resumed.run().resume(journal.entries());
      return Optional.of(resumed);
    } catch (RuntimeException e) {
      if (resumed == null) {
        journals.close(journal, runId);
      } else {
        endRun(resumed); // made the live run already: a start must not take it for one that runs
      }
      setup.log().error("cannot resume run " + runId + " from its journal: " + e.getMessage());
      return Optional.empty();
    }
  }

  private CheckedSpec checkSpecOrFail() {
    try {
      return actions.checkSpec();
    } catch (RuntimeException e) {
      refused(null, AppFailure.Kind.SPEC_REFUSED, e);
      throw e;
    }
  }

  /** A start refused before any run: the app shows as failed, with why. */
  private void refused(AppSpec spec, AppFailure.Kind kind, RuntimeException e) {
    String message = e.getMessage();
    publish(new AppSnapshot(spec == null ? snapshot.specName() : spec.name(),
        spec == null ? snapshot.specVersion() : spec.version(), AppPhase.FAILED, message,
        new AppFailure(kind, message), "", null, snapshot.run()));
    setup.log().error("cannot start " + (spec == null ? "the app" : spec.name()) + ": "
        + secrets.masker().mask(message));
  }

  private void knowSecrets(AppActions.Started started) {
    secrets.add(started.secrets());
    secrets.add(started.prepared().masker());
    startupMessage = "";
    startupFailure = null;
  }

  /** The run and its loop thread (not started), made the daemon's current run. */
  private LiveRun newRun(AppSpec spec, AppActions.Started started, String runId,
      FileJournal journal, Instant startedAt, long offset) {
    LiveRun previous = live;
    if (previous != null && !previous.ended()) {
      endRun(previous);
    }
    live = runs.make(spec, started, runId, journal, startedAt, offset);
    return live;
  }

  /**
   * Asks the live run to stop and answers at once: the stop is under way until the run's end
   * comes back ({@link #runEnded}). A start being prepared is cancelled instead.
   */
  private ControlResult stopApp(String reason) {
    if (preparing != null) {
      preparing.cancelled = true;
      return new ControlResult(AppPhase.STOPPING.label(),
          "the start being prepared is cancelled: nothing was launched yet", true);
    }
    LiveRun current = live;
    if (current == null || current.ended()) {
      return new ControlResult(snapshot.state().label(), "the app is not running");
    }
    // The run's own line ("stop requested: <reason>") tells the log; no second line here.
    if (!current.requestStop(reason)) {
      return new ControlResult(AppPhase.STOPPING.label(),
          "run " + current.runId() + " is stopping already", true);
    }
    return new ControlResult(AppPhase.STOPPING.label(), "stopping run " + current.runId()
        + "; GET /api/v1/status shows when it has stopped", true);
  }

  /** {@code next} once the live run has ended (at once when none runs); on the supervisor. */
  private <T> CompletableFuture<T> whenRunEnds(Supplier<CompletableFuture<T>> next) {
    LiveRun current = live;
    if (current == null || current.ended()) {
      return next.get();
    }
    CompletableFuture<T> done = new CompletableFuture<>();
    afterRunEnds.add(() -> {
      try {
        next.get().whenComplete((value, failure) -> {
          if (failure == null) {
            done.complete(value);
          } else {
            done.completeExceptionally(CommandQueue.unwrap(failure));
          }
        });
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  /** A run's loop returned: it is closed, and what waited for its end goes on. */
  private void runEnded(LiveRun run) {
    endRun(run);
    if (run != live) {
      return;
    }
    List<Runnable> waiting = List.copyOf(afterRunEnds);
    afterRunEnds.clear();
    waiting.forEach(Runnable::run);
  }

  /** Stops listening to Docker for the run and closes its journal; once. */
  private void endRun(LiveRun run) {
    if (run.ended()) {
      return;
    }
    run.markEnded();
    run.run().close();
    journals.close(run.journal(), run.runId());
  }

  /**
   * A run's new status: publish it, then the events that led to it. A run that ends interrupted
   * (its services stopped while nobody watched) is followed by a new run, once.
   */
  private void statusChanged(LiveRun run, RunStatus status) {
    if (run != live || run.ended() && preparing != null) {
      return; // a run the daemon has moved on from: its late statuses are not the app's
    }
    if (status.ended() && status.interrupted() && !run.ended()
        && !status.runId().equals(restartedAfterInterruption)) {
      restartedAfterInterruption = status.runId();
      setup.log().warn("run " + status.runId() + " was interrupted: "
          + secrets.masker().mask(status.message()) + "; starting the app in a new run");
      whenRunEnds(this::startApp).exceptionally(failure -> null); // refusals were logged
    }
    String failure = startupFailure;
    boolean failed = failure != null && status.state() != AppPhase.STARTING;
    AppFailure why = failed ? new AppFailure(AppFailure.Kind.STARTUP_ERROR,
        "startup failed: " + failure)
        : status.state() == AppPhase.FAILED
            ? new AppFailure(AppFailure.Kind.RUN_FAILED, status.message()) : null;
    publish(new AppSnapshot(run.spec().name(), run.spec().version(),
        failed ? AppPhase.FAILED : status.state(), failed ? why.message() : status.message(),
        why, startupMessage, run.startedAt(), status));
    AppSnapshot shown = snapshot;
    history.observed(status.runId(), shown.state().label(),
        secrets.masker().mask(shown.message()), status.ended());
    upgrades.observe(status);
    imageUpkeep.observe(run.spec(), status);
    feed.release(run.eventOffset() + status.sequence());
  }

  /** How an apply or rollback stops and starts runs: as the API's stop and start do. */
  private final class UpgradeControl implements SpecUpgrade.Control {
    @Override
    public CompletableFuture<ControlResult> stop(String reason) {
      if (preparing != null) {
        throw new AppRefusal(AppRefusal.Reason.CONFLICT, "a start is being prepared: try again once it is done"
            + " (GET /api/v1/status shows it)");
      }
      intent.recordOrRefuse(AppIntent.Wanted.STOPPED, setup.log());
      LiveRun current = live;
      ControlResult stopping = stopApp(reason);
      if (!stopping.underWay()) {
        return CompletableFuture.completedFuture(stopping);
      }
      return whenRunEnds(() -> CompletableFuture.completedFuture(new ControlResult(
          snapshot.state().label(), "stopped run " + current.runId())));
    }

    @Override
    public CompletableFuture<ControlResult> start() {
      intent.recordOrRefuse(AppIntent.Wanted.STARTED, setup.log());
      return startApp();
    }

    @Override
    public Optional<String> liveRunId() {
      return Optional.ofNullable(live).filter(run -> !run.ended()).map(LiveRun::runId);
    }

    @Override
    public AppSnapshot status() {
      return snapshot;
    }

    @Override
    public <T> CompletableFuture<T> offSupervisor(Supplier<T> work) {
      return queue.beside(work);
    }

    @Override
    public void showProgress(String message) {
      AppSnapshot now = snapshot;
      publish(new AppSnapshot(now.specName(), now.specVersion(), now.state(), message,
          now.failure(), now.startupMessage(), now.startedAt(), now.run()));
      events.statusChanged();
    }

    @Override
    public void showFailure(String message) {
      publish(new AppSnapshot(snapshot.specName(), snapshot.specVersion(), AppPhase.FAILED,
          message, new AppFailure(AppFailure.Kind.UPGRADE_FAILED, message),
          snapshot.startupMessage(), snapshot.startedAt(), snapshot.run()));
      String masked = secrets.masker().mask(message);
      history.observed(Optional.ofNullable(live).map(LiveRun::runId).orElse(""), "failed",
          masked, true);
      setup.log().error(masked);
    }
  }

  private void publish(AppSnapshot next) {
    snapshot = next;
  }

  private <T> CompletableFuture<T> command(Supplier<CompletableFuture<T>> command) {
    return queue.command(command);
  }

  private void post(Runnable task) {
    queue.post(task);
  }

  /**
   * Leaves the app running: stops listening to Docker for the current run, so the daemon can exit
   * while the containers keep running, to be found again by the next start.
   */
  @Override
  public void close() {
    // before the workers stop: a copy under way must not leave the app frozen
    snapshots.close();
    LiveRun current = live;
    if (current != null && !current.ended()) {
      current.run().close();
      journals.close(current.journal(), current.runId());
    }
    queue.close();
    workers.shutdownNow();
    engineHealth.close();
    diagnostics.close();
  }
}
