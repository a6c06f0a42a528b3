package dev.tugboat.api;

import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.orchestrator.RunStatus.ContainerStatus;
import dev.tugboat.orchestrator.RunStatus.EventStatus;
import dev.tugboat.orchestrator.RunStatus.ReadyStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The daemon's status answers for the migration sample at moments the dashboard must show, made
 * by the daemon's own serializer ({@link StatusJson}) from {@link RunStatus} records, so the
 * fixtures have the API's shape.
 */
final class StatusFixtures {

  /** Markup in data: the page must show it as text and never run it. */
  static final String MARKUP = "<img src=x onerror=\"window.injected=1\">";

  private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");
  private static final String DB = "db/tugboat-demo/postgres";
  private static final String MIGRATION = "migration/tugboat-demo/app";
  private static final String APP = "app/tugboat-demo/app";
  private static final String PG_READY = "PostgreSQL accepts connections";
  private static final String MIGRATED = "Migration finished";
  private static final String READY_CHECK = "http_status_code http://10.0.0.5:8000/health 200 5";
  static final ReadyStatus READY_NOT_DUE = new ReadyStatus("not_due", READY_CHECK, "");
  static final ReadyStatus READY_PASSED = new ReadyStatus("passed", READY_CHECK, "status 200");

  private StatusFixtures() {}

  static String starting() {
    return json(AppPhase.STARTING, "waiting for \"" + MIGRATED + "\"", false, List.of(
        running(DB, "root"),
        container(MIGRATION, "running", "running", null, PG_READY, "", List.of()),
        waiting(APP, MIGRATED)), List.of(
        fired(PG_READY, DB, "port-listen 5432", 4),
        pending(MIGRATED, MIGRATION, "container-stop")), READY_NOT_DUE);
  }

  static String started() {
    return json(AppPhase.STARTED, "the app is ready", false, List.of(
        running(DB, "root"),
        container(MIGRATION, "completed", "completed (exit 0, 2.1 s)", 0, PG_READY, "", List.of()),
        running(APP, MIGRATED)), List.of(
        fired(PG_READY, DB, "port-listen 5432", 4),
        fired(MIGRATED, MIGRATION, "container-stop", 7)), READY_PASSED);
  }

  static String stopped() {
    return json(AppPhase.STOPPED, "stopped on request", true, List.of(
        container(DB, "stopped", "stopped (exit 0)", 0, "root", "", List.of()),
        container(MIGRATION, "completed", "completed (exit 0, 2.1 s)", 0, PG_READY, "", List.of()),
        container(APP, "stopped", "stopped (exit 0)", 0, MIGRATED, "", List.of())), List.of(
        fired(PG_READY, DB, "port-listen 5432", 4),
        fired(MIGRATED, MIGRATION, "container-stop", 7)), READY_PASSED);
  }

  /** The migration exited 3: its output carries markup, and the app can never start. */
  static String failed() {
    return failed(List.of("connecting to 10.0.0.5:5432", "relation \"greetings\": permission denied",
        MARKUP));
  }

  /** As {@link #failed()}, with {@code output} as the migration's last lines in the status. */
  static String failed(List<String> output) {
    return json(AppPhase.FAILED, MIGRATION + " failed (exit 3); the app cannot start", false, List.of(
        running(DB, "root"),
        container(MIGRATION, "failed", "failed (exit 3, 1.4 s)", 3, PG_READY, "", output),
        container(APP, "blocked", "blocked: " + MARKUP, null, "", MARKUP, List.of())), List.of(
        fired(PG_READY, DB, "port-listen 5432", 4),
        new EventStatus(MIGRATED, MIGRATION, "container-stop", false, null, "",
            MIGRATION + " failed with exit 3")), READY_NOT_DUE);
  }

  /** Started, though an ephemeral container failed: the daemon's detail for an exit is "exit N". */
  static String startedWithAFailedEphemeral() {
    return json(AppPhase.STARTED, "started in 5.9 s; 1 ephemeral container failed", false, List.of(
        running(DB, "root"),
        container(MIGRATION, "failed", "failed (exit 3, 0.1 s)", 3, PG_READY, "exit 3",
            List.of("connecting to db")),
        running(APP, MIGRATED)), List.of(
        fired(PG_READY, DB, "port-listen 5432", 4),
        fired(MIGRATED, MIGRATION, "container-stop", 7)), READY_PASSED);
  }

  /** No run yet: the daemon is up and the app has never been started. */
  static String neverStarted() {
    AppSnapshot idle = AppSnapshot.idle("Tugboat Migration Demo", "1", "not started yet");
    return body(new StatusJson(() -> idle));
  }

  private static ContainerStatus running(String key, String startedBy) {
    return container(key, "running", "running", null, startedBy, "", List.of());
  }

  private static ContainerStatus waiting(String key, String event) {
    return new ContainerStatus(key, "", "", "waiting", "waiting for \"" + event + "\"", null, 0,
        List.of(), List.of(event), "", "", List.of());
  }

  private static ContainerStatus container(String key, String state, String summary, Integer exit,
      String startedBy, String detail, List<String> output) {
    String instance = "tugboat-demo-" + key.replace('/', '-') + "-1";
    List<String> ports = key.equals(DB) ? List.of("0.0.0.0:15432->5432/tcp") : List.of();
    return new ContainerStatus(key, instance, "c0ffee" + Math.abs(key.hashCode()), state, summary,
        exit, 0, ports, List.of(), startedBy, detail, output);
  }

  private static EventStatus fired(String name, String publisher, String trigger, int second) {
    return new EventStatus(name, publisher, trigger, true, T0.plusSeconds(second), "", "");
  }

  private static EventStatus pending(String name, String publisher, String trigger) {
    return new EventStatus(name, publisher, trigger, false, null, "still running", "");
  }

  /** Started and all containers running; the ready check still polls and saw {@code lastSeen}. */
  static String checkingReady(String lastSeen) {
    return json(AppPhase.STARTING, "every container has started", false, List.of(
        running(DB, "root"),
        container(MIGRATION, "completed", "completed (exit 0, 2.1 s)", 0, PG_READY, "", List.of()),
        running(APP, MIGRATED)), List.of(
        fired(PG_READY, DB, "port-listen 5432", 4),
        fired(MIGRATED, MIGRATION, "container-stop", 7)),
        new ReadyStatus("checking", READY_CHECK, lastSeen));
  }

  /** Docker stopped answering while the app ran: live containers are shown as unknown. */
  static String dockerUnreachable() {
    return json(AppPhase.STARTED, "started in 9.0 s", false, List.of(
        container(DB, "unknown", "unknown: Docker does not answer (last known: running)", null,
            "root", "", List.of()),
        container(MIGRATION, "completed", "completed (exit 0, 2.1 s)", 0, PG_READY, "", List.of()),
        container(APP, "unknown", "unknown: Docker does not answer (last known: running)", null,
            MIGRATED, "", List.of())), List.of(
        fired(PG_READY, DB, "port-listen 5432", 4),
        fired(MIGRATED, MIGRATION, "container-stop", 7)),
        READY_PASSED, "Cannot connect to the Docker Engine at unix:///var/run/docker.sock");
  }

  private static String json(AppPhase state, String message, boolean ended,
      List<ContainerStatus> containers, List<EventStatus> events, ReadyStatus ready) {
    return json(state, message, ended, containers, events, ready, "");
  }

  /** Started, then the engine stopped answering the daemon's pings (paused, say). */
  static String startedWhileTheEngineIsSilent() {
    RunStatus run = new RunStatus("r-20261122-0300", "Tugboat Migration Demo", AppPhase.STARTED,
        "the app is ready", 42, T0.plusSeconds(9), false, List.of(running(DB, "root")), List.of(),
        READY_PASSED, false, "");
    AppSnapshot snapshot = new AppSnapshot("Tugboat Migration Demo", "1",
        AppPhase.STARTED, "the app is ready", null, "", T0, run);
    EngineStatus silent = EngineStatus.notAnswering(T0.plusSeconds(60),
        "no answer to a ping for 2 s or more");
    return body(new StatusJson(() -> snapshot, () -> null, SecretMasker::none, () -> silent));
  }

  private static String json(AppPhase state, String message, boolean ended,
      List<ContainerStatus> containers, List<EventStatus> events, ReadyStatus ready,
      String dockerLost) {
    RunStatus run = new RunStatus("r-20261122-0300", "Tugboat Migration Demo", state, message, 42,
        T0.plusSeconds(9), ended, containers, events, ready, false, dockerLost);
    AppSnapshot snapshot = new AppSnapshot("Tugboat Migration Demo", "1", state, message,
        null, "", T0, run);
    return body(new StatusJson(() -> snapshot));
  }

  private static String body(StatusJson json) {
    try {
      return new String(json.body(), StandardCharsets.UTF_8);
    } finally {
      json.close();
    }
  }
}
