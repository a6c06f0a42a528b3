package dev.tugboat.api;

import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.spec.SpecChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An app for handler tests: answers at once and records what it was asked. */
public final class FakeApp implements AppService {

  public final EventLog events = new EventLog(100);
  final LatencyHistogram latency = new LatencyHistogram();
  public final List<String> calls = new ArrayList<>();
  /** Where bundle uploads go; null: none served. */
  public volatile BundleUploads bundleUploads;
  public volatile AppSnapshot snapshot = AppSnapshot.idle("demo", "1.0", "not started");
  boolean dockerUp = true;
  /** What the daemon's periodic ping found; with a hanging ping dockerReachable never ends. */
  volatile EngineStatus engine = EngineStatus.ANSWERING;
  volatile boolean pingHangs;

  public static RunStatus runWith(String state, String message) {
    return new RunStatus("run-1", "demo", AppPhase.valueOf(state.toUpperCase()), message, 7,
        Instant.parse("2026-01-01T00:00:00Z"), false,
        List.of(new RunStatus.ContainerStatus("db/postgres", "tugboat-demo-db-postgres-1", "abc",
            "running", "running", null, 0, List.of("0.0.0.0:5432->5432/tcp"), List.of(), "root",
            "", List.of())),
        List.of(new RunStatus.EventStatus("db ready", "db/postgres", "port-listen 5432", true,
            Instant.parse("2026-01-01T00:00:01Z"), "", "")));
  }

  /** Appends the next event of run-1, as the daemon does when its journal grows. */
  public ApiEvent event(String type, String text) {
    ApiEvent event = new ApiEvent(events.lastId() + 1, Instant.EPOCH, "run-1", type, text, "loop");
    events.append(event);
    return event;
  }

  @Override
  public java.util.Optional<BundleUploads> bundles() {
    return java.util.Optional.ofNullable(bundleUploads);
  }

  @Override
  public AppSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public EventLog events() {
    return events;
  }

  @Override
  public LatencyHistogram triggerLatency() {
    return latency;
  }

  @Override
  public CompletableFuture<ControlResult> start() {
    calls.add("start");
    return CompletableFuture.completedFuture(new ControlResult("starting", "started run run-2"));
  }

  @Override
  public CompletableFuture<ControlResult> stop() {
    calls.add("stop");
    // as the daemon does: the stop goes on after the answer, and the status shows its end
    RunStatus run = runWith("stopped", "stopped");
    snapshot = new AppSnapshot("demo", "1.0", AppPhase.STOPPED, "stopped", null, "",
        Instant.parse("2026-01-01T00:00:00Z"), new RunStatus(run.runId(), run.app(),
            run.state(), run.message(), run.sequence(), run.updatedAt(), true, run.containers(),
            run.events()));
    return CompletableFuture.completedFuture(
        new ControlResult("stopping", "stopping run run-1", true));
  }

  @Override
  public CompletableFuture<ControlResult> restart() {
    calls.add("restart");
    return CompletableFuture.completedFuture(new ControlResult("starting", "started run run-2"));
  }

  @Override
  public CompletableFuture<ConfigView> config() {
    return CompletableFuture.completedFuture(view(item("db_password", "********", "stored")));
  }

  @Override
  public CompletableFuture<ConfigView> setConfig(Map<String, String> values) {
    calls.add("set " + values);
    if (values.containsKey("nope")) {
      return CompletableFuture.failedFuture(
          new ApiException(400, "no config item 'nope' in this spec"));
    }
    return config();
  }

  @Override
  public CompletableFuture<ConfigView> unsetConfig(List<String> names) {
    calls.add("unset " + names);
    if (names.contains("nope")) {
      return CompletableFuture.failedFuture(
          new ApiException(404, "no config item 'nope' in this spec"));
    }
    return CompletableFuture.completedFuture(view(item("db_password", "********", "default")));
  }

  @Override
  public CompletableFuture<List<String>> logs(String component, String container, int tail) {
    calls.add("logs " + component + "/" + container + " " + tail);
    return CompletableFuture.completedFuture(List.of("line 1", "line 2"));
  }

  /** What an admin command answers; null: at once, "ok". */
  public volatile CompletableFuture<AdminResult> adminAnswer;

  @Override
  public CompletableFuture<ConfigTestResult> testConfig(String item, Map<String, String> values) {
    calls.add("test " + item + " " + values);
    return CompletableFuture.completedFuture(new ConfigTestResult(item, "Check " + item, "ok",
        "fine", "exit 0"));
  }

  @Override
  public CompletableFuture<AdminResult> admin(String alias, List<String> args) {
    calls.add("admin " + alias + " " + args);
    return adminAnswer != null ? adminAnswer
        : CompletableFuture.completedFuture(new AdminResult(0, "ok\n"));
  }

  /** What apply answers; a spec whose text contains {@code broken} is refused as invalid. */
  public ApplyResult applied = new ApplyResult(true, "starting",
      "stopped run run-1; started run run-2 of demo 2", "run-2",
      new ApplyResult.SpecVersion("demo", "1"), new ApplyResult.SpecVersion("demo", "2"),
      new SpecChanges(List.of(), List.of(), List.of(new SpecChanges.ContainerChange("app/web",
          List.of("image web:1 -> web:2"))), List.of(), List.of()),
      List.of("~ container app/web: image web:1 -> web:2"), List.of());
  public List<RunRecord> runs = List.of();

  @Override
  public CompletableFuture<ApplyResult> apply(String name, byte[] spec, boolean dryRun) {
    String text = new String(spec, java.nio.charset.StandardCharsets.UTF_8);
    calls.add("apply " + name + (dryRun ? " dry-run" : "") + " " + text.length() + " bytes");
    if (text.contains("broken")) {
      return CompletableFuture.failedFuture(new ApiException(400, name
          + " has 1 error; nothing was changed:\n" + name
          + ":1:1: error [unknown-key] unknown key 'broken'"));
    }
    return applyAnswer != null ? applyAnswer : CompletableFuture.completedFuture(applied);
  }

  /** When set, what apply and restore answer with instead (an answer that comes later). */
  public volatile CompletableFuture<ApplyResult> applyAnswer;
  public volatile CompletableFuture<SnapshotResult> restoreAnswer;

  @Override
  public CompletableFuture<ApplyResult> rollback() {
    calls.add("rollback");
    return CompletableFuture.completedFuture(applied);
  }

  /** What {@link #supportBundle()} answers. */
  public volatile CompletableFuture<SupportBundle> supportBundle = CompletableFuture.failedFuture(
      new AppRefusal(AppRefusal.Reason.NOT_FOUND, "no support bundle in this test"));

  @Override
  public CompletableFuture<SupportBundle> supportBundle() {
    calls.add("support-bundle");
    return supportBundle;
  }

  @Override
  public CompletableFuture<ApplyResult> rollback(boolean withData) {
    if (!withData) {
      return rollback();
    }
    calls.add("rollback with data");
    return CompletableFuture.completedFuture(applied);
  }

  /** The snapshot every snapshot call answers with. */
  public SnapshotInfo dataSnapshot = new SnapshotInfo("20261205-221901.322-7b4b",
      Instant.parse("2026-12-05T22:19:01.322Z"), "apply", "before the upgrade to demo 2", "demo",
      "1", 1.7, 7_549_747, List.of(new SnapshotInfo.Volume("pgdata", "named-volume",
          "/var/lib/postgresql/data", 7_549_747, "ab".repeat(32), "999:999", "0700")));

  @Override
  public CompletableFuture<List<SnapshotInfo>> snapshots() {
    calls.add("snapshots");
    return CompletableFuture.completedFuture(List.of(dataSnapshot));
  }

  @Override
  public CompletableFuture<SnapshotResult> createSnapshot(boolean stopFirst) {
    calls.add("create snapshot" + (stopFirst ? " with stop" : ""));
    if (!stopFirst) {
      return CompletableFuture.failedFuture(new AppRefusal(AppRefusal.Reason.CONFLICT,
          "the app runs (run run-1): a consistent snapshot needs it stopped"));
    }
    return CompletableFuture.completedFuture(new SnapshotResult("snapshot taken", dataSnapshot,
        "run-2"));
  }

  @Override
  public CompletableFuture<SnapshotResult> restoreSnapshot(String id) {
    calls.add("restore " + id);
    return restoreAnswer != null ? restoreAnswer : CompletableFuture.completedFuture(
        new SnapshotResult("restored snapshot " + id, dataSnapshot, "run-3"));
  }

  @Override
  public CompletableFuture<List<RunRecord>> history() {
    return CompletableFuture.completedFuture(runs);
  }

  /** The secret a container of the fake run finds at the end of REPLICATED_INTEGRATIONAPI. */
  static final String INTEGRATION_SECRET = "run-1-secret";

  @Override
  public java.util.Optional<String> integrationRefusal(String secret, java.net.InetAddress from) {
    return secret.equals(INTEGRATION_SECRET) ? java.util.Optional.empty()
        : java.util.Optional.of("this Integration API answers the current run's containers");
  }

  @Override
  public CompletableFuture<Boolean> dockerReachable() {
    return pingHangs ? new CompletableFuture<>() : CompletableFuture.completedFuture(dockerUp);
  }

  @Override
  public EngineStatus engineStatus() {
    return engine;
  }

  @Override
  public void startupMessage(String message, boolean error) {
    calls.add("startup " + (error ? "error " : "info ") + message);
  }

  private static ConfigView view(ConfigItemView item) {
    return ConfigView.of(List.of(new ConfigView.Group("db", "Database", "Where data lives", "",
        true, List.of(item))));
  }

  private static ConfigItemView item(String name, String value, String source) {
    return new ConfigItemView(name, "Password", "password", "db", null, value, source, true,
        false, false, true, true, "", null);
  }
}
