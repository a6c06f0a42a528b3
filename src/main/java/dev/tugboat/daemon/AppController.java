package dev.tugboat.daemon;

import dev.tugboat.api.AppService;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.ApiException;
import dev.tugboat.api.ConfigItemView;
import dev.tugboat.api.EventLog;
import dev.tugboat.api.LatencyHistogram;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InMemoryJournal;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.orchestrator.Run;
import dev.tugboat.orchestrator.RunNarrator;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.orchestrator.SystemScheduler;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.trigger.TcpConnector;
import java.util.List;
import java.util.Map;
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
  private final EventLog events = new EventLog(10_000);
  private final LatencyHistogram latency = new LatencyHistogram();
  private final AppActions actions;
  private volatile AppSnapshot snapshot;
  private volatile SecretMasker masker = SecretMasker.none();
  private volatile String startupMessage = "";
  private volatile LiveRun live;
  private volatile String integrationUrl;
  private volatile String startupFailure;

  public AppController(DaemonSetup setup, ContainerRuntime runtime) {
    this.setup = setup;
    this.runtime = runtime;
    this.snapshot = AppSnapshot.idle("", "", "the app has not been started");
    this.actions = new AppActions(setup, runtime);
  }

  @Override
  public AppSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public EventLog events() {
    return events;
  }

  /** Containers of later starts get this Integration API address in their environment. */
  public void useIntegrationApi(String url) {
    integrationUrl = url;
  }

  @Override
  public LatencyHistogram triggerLatency() {
    return latency;
  }

  @Override
  public CompletableFuture<ControlResult> start() {
    return onControl(this::doStart);
  }

  @Override
  public CompletableFuture<ControlResult> stop() {
    return onControl(() -> doStop("stop requested"));
  }

  @Override
  public CompletableFuture<ControlResult> restart() {
    return onControl(() -> {
      doStop("restart requested");
      return doStart();
    });
  }

  @Override
  public CompletableFuture<List<ConfigItemView>> config() {
    return onControl(() -> setup.appConfig().read(actions.loadSpec()).items());
  }

  @Override
  public CompletableFuture<List<ConfigItemView>> setConfig(Map<String, String> values) {
    return onControl(() -> {
      AppConfig.Read read = setup.appConfig().write(actions.loadSpec(), values);
      masker = masker.with(AppConfig.secrets(read.values()));
      setup.log().info("config changed: " + String.join(", ", values.keySet())
          + " (a restart applies the change)");
      return read.items();
    });
  }

  @Override
  public CompletableFuture<List<ConfigItemView>> unsetConfig(List<String> names) {
    return onControl(() -> {
      AppConfig.Read read = setup.appConfig().unset(actions.loadSpec(), names);
      // an item with a value_cmd has a newly generated value, which may be a secret
      masker = masker.with(AppConfig.secrets(read.values()));
      setup.log().info("config unset: " + String.join(", ", names)
          + " (a restart applies the change)");
      return read.items();
    });
  }

  @Override
  public CompletableFuture<List<String>> logs(String component, String container, int tail) {
    return CompletableFuture.supplyAsync(
        () -> actions.logs(snapshot, component, container, tail).stream().map(masker::mask)
            .toList(), workers);
  }

  @Override
  public CompletableFuture<AdminResult> admin(String alias, List<String> args) {
    LiveRun current = live;
    return CompletableFuture.supplyAsync(() -> {
      AdminResult result = actions.admin(current, snapshot, alias, args);
      setup.log().info("admin command " + alias + " exited " + result.exitCode());
      return new AdminResult(result.exitCode(), masker.mask(result.output()));
    }, workers);
  }

  @Override
  public CompletableFuture<Boolean> dockerReachable() {
    return CompletableFuture.supplyAsync(() -> {
      try {
        runtime.ping();
        return true;
      } catch (RuntimeFailure e) {
        return false;
      }
    }, workers);
  }

  @Override
  public void startupMessage(String message, boolean error) {
    String masked = masker.mask(message);
    startupMessage = masked;
    publish(() -> snapshot.withStartupMessage(masked));
    setup.log().info("startup message" + (error ? " (error)" : "") + ": " + masked);
    LiveRun current = live;
    if (error && current != null && current.isLive()) {
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
    AppSpec spec;
    AppActions.Started started;
    try {
      spec = actions.loadSpec();
    } catch (ApiException e) {
      publish(() -> new AppSnapshot(snapshot.specName(), snapshot.specVersion(), "failed",
          e.getMessage(), "", null, snapshot.run()));
      setup.log().error("cannot start the app: " + e.getMessage());
      throw e;
    }
    try {
      started = actions.prepare(spec, java.util.Optional.ofNullable(integrationUrl));
    } catch (ApiException e) {
      publish(() -> new AppSnapshot(spec.name(), spec.version(), "failed", e.getMessage(), "",
          null, snapshot.run()));
      setup.log().error("cannot start " + spec.name() + ": " + e.getMessage());
      throw e;
    }
    masker = masker.with(started.secrets());
    startupMessage = "";
    startupFailure = null;
    String runId = RunIds.next(setup.clock());
    Run run = new Run(new Run.Setup(started.prepared().inputs().app(), runId,
        started.prepared().plan(), runtime, started.prepared().launcher(), setup.clock(),
        new InMemoryJournal(this::onEntry), workers, new SystemScheduler(),
        TcpConnector.sockets(), status -> onStatus(spec, status)));
    Thread loop = new Thread(run::runLoop, "tugboat-loop");
    loop.setDaemon(true);
    LiveRun next = new LiveRun(spec, runId, run, loop, setup.clock().instant());
    live = next;
    publish(() -> new AppSnapshot(spec.name(), spec.version(), "starting", "starting run " + runId,
        "", next.startedAt(), null));
    setup.log().info("starting " + spec.name() + " " + spec.version() + " (run " + runId + ")");
    loop.start();
    run.start();
    return new ControlResult("starting", "started run " + runId);
  }

  private ControlResult doStop(String reason) {
    LiveRun current = live;
    if (current == null || !current.isLive()) {
      return new ControlResult(snapshot.state(), "the app is not running");
    }
    setup.log().info(reason + ": stopping run " + current.runId());
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

  /** On the loop thread: each journal entry becomes an API event and, if it tells something, a log line. */
  private void onEntry(JournalEntry entry) {
    if (entry.record() instanceof Decision.Fire fire) {
      latency.observe(fire.trigger().split(" ", 2)[0], fire.took());
    }
    String text = RunNarrator.line(entry).map(masker::mask).orElse("");
    events.append(entry.time(), entry.runId(), entry.record().getClass().getSimpleName(), text,
        masker.mask(entry.cause()));
    if (!text.isEmpty()) {
      setup.log().info(text);
    }
  }

  /** On the loop thread: publish the new status. */
  private void onStatus(AppSpec spec, RunStatus status) {
    LiveRun current = live;
    String failure = startupFailure;
    boolean failed = failure != null && status.state() != dev.tugboat.events.AppPhase.STARTING;
    publish(() -> new AppSnapshot(spec.name(), spec.version(),
        failed ? "failed" : status.state().label(),
        failed ? "startup failed: " + failure : masker.mask(status.message()), startupMessage,
        current == null ? null : current.startedAt(), MaskedStatus.of(status, masker)));
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
    }
    control.shutdownNow();
    workers.shutdownNow();
  }
}
