package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under the worst crash: the daemon is killed with SIGKILL at a different point of the
 * migration sample's start sequence in each round (points taken from the run's journal and the
 * engine's events, and a few seeded random delays), then started again. Every time the same run
 * must end {@code started}, the migration must have run exactly once in it, counted from the
 * database's {@code migration_runs} rows, and no instance may be duplicated, started twice or left
 * over; a client polling the events API all along gets each event once. Prints a table of the
 * rounds; {@code -Dchaos.seed=N} repeats the random delays, and {@code -Dchaos.only=NAME,NAME}
 * plays only the points whose names contain one of NAME (to repeat a failure).
 */
class DaemonKillIT {

  private static final Duration SETTLE = Duration.ofSeconds(120);
  private static final Duration REACH = Duration.ofSeconds(60);
  private static final List<String> ONLY = System.getProperty("chaos.only", "").isBlank()
      ? List.of() : List.of(System.getProperty("chaos.only").split(","));

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("chaos-kill");
  private final AppInventory inventory = new AppInventory(app);
  private Path config;
  private Path state;
  private String base;
  private ServedDaemon daemon;
  private DockerEventWatch engine;
  private EventsClient events;

  @AfterEach
  void removeEverything() throws Exception {
    if (events != null) {
      events.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    if (engine != null) {
      engine.close();
    }
    DockerCli.removeApp(app, app + "-pgdata");
  }

  @Test
  void aDaemonKilledAnywhereInTheStartResumesTheRunWithOneMigrationAndNoOrphans() throws Exception {
    long seed = Long.getLong("chaos.seed", System.nanoTime());
    System.out.println("kill test: app " + app + ", random delays from seed " + seed
        + " (repeat with -Dchaos.seed=" + seed + ")");
    configure();
    engine = DockerEventWatch.start(app);
    daemon = ServedDaemon.serve(config, state, base);
    events = new EventsClient(base, state.resolve("token"));
    JsonNode first = daemon.awaitSettled(SETTLE);
    assertThat(first.path("state").asText()).as(daemon.output()).isEqualTo("started");
    String previousRun = first.path("run_id").asText();
    int migrations = inventory.migrationRuns(previousRun);

    List<KillRound> rounds = new ArrayList<>();
    List<KillPoint> points = KillPoints.all(inventory, seed).stream()
        .filter(p -> ONLY.isEmpty() || ONLY.stream().anyMatch(p.name()::contains)).toList();
    for (int i = 0; i < points.size(); i++) {
      KillRound round = play(i + 1, points.get(i), previousRun, migrations);
      rounds.add(round);
      System.out.println(round.row() + "  (" + round.phases() + ")");
      migrations = round.migrationsAfter();
      previousRun = round.runAfter();
      if (!round.stateAfter().equals("started") && !round.stateAfter().equals("failed")) {
        System.out.println("the app did not settle within " + SETTLE.toSeconds()
            + " s: the remaining " + (points.size() - i - 1) + " rounds are not played");
        break;
      }
    }

    String table = KillRound.HEADER + "\n" + rounds.stream().map(KillRound::row)
        .collect(Collectors.joining("\n")) + "\n" + KillRound.totals(rounds);
    System.out.println("\n" + table);
    List<String> failures = rounds.stream().filter(r -> !r.problems().isEmpty())
        .map(KillRound::report).toList();
    failures.forEach(System.out::println);
    assertThat(rounds).hasSizeGreaterThanOrEqualTo(ONLY.isEmpty() ? 10 : 1);
    assertThat(failures).as("rounds that failed, of\n" + table).isEmpty();
    // A client that polled after=N all along, through every kill, got each event once, with the
    // id and text the daemon lists now.
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !events.received().isEmpty()
        && idOf(last(events.listed())) == idOf(last(events.received())));
    List<String> received = events.received();
    long lastReceived = idOf(last(received));
    List<String> listed = events.listed().stream().filter(e -> idOf(e) <= lastReceived).toList();
    long oldestListed = idOf(listed.get(0));
    assertThat(received.stream().filter(e -> idOf(e) >= oldestListed).toList())
        .as("events received over %d kills, from id %d", rounds.size(), oldestListed)
        .isEqualTo(listed);
    assertThat(received.stream().map(DaemonKillIT::idOf).toList()).isSorted()
        .doesNotHaveDuplicates();
    System.out.println("events client: " + received.size() + " events received over "
        + rounds.size() + " kills, each once, as the daemon lists them");
  }

  private static long idOf(String event) {
    return Long.parseLong(event.split(" ", 2)[0]);
  }

  private static String last(List<String> events) {
    return events.isEmpty() ? "0" : events.get(events.size() - 1);
  }

  private void configure() throws Exception {
    int port = TestSpecs.freePort();
    base = "http://127.0.0.1:" + port;
    state = dir.resolve("state");
    Path spec = TestSpecs.write(dir, "migration.yml", Map.of("APP", app, "VOLUME", app + "-pgdata",
        "PG_PORT", String.valueOf(TestSpecs.freePort()),
        "APP_PORT", String.valueOf(TestSpecs.freePort())));
    config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\napp: "
        + spec.getFileName() + "\nintegration_port: " + TestSpecs.freePort() + "\n");
    CliRun set = CliRun.of("config", "set", spec.toString(), "db_password=chaos-kill",
        "--settings", state.resolve("settings.json").toString());
    assertThat(set.exitCode()).as(set.err()).isZero();
  }

  /** New run, kill at the point, restart the daemon, judge what it made of the run. */
  private KillRound play(int number, KillPoint point, String previousRun, int migrationsBefore)
      throws Exception {
    Stopwatch watch = new Stopwatch();
    CliRun stop = daemon.cli("stop");
    assertThat(stop.exitCode()).as("tugboat stop: " + stop.err()).isZero();
    watch.lap("stop");
    Path runs = state.resolve("runs");
    JournalWatch journal = JournalWatch.nextRun(runs);
    CompletableFuture<CliRun> start = CompletableFuture.supplyAsync(() -> daemon.cli("start"));
    long asked = System.nanoTime();

    List<String> problems = new ArrayList<>();
    RunView atPoint = await(point.at(), journal, start, asked);
    if (atPoint != null && point.thenWhileFrozen().isPresent()) {
      daemon.freeze();
      atPoint = await(point.thenWhileFrozen().get(), journal, start, asked);
    }
    daemon.kill();
    watch.lap("kill");
    start.handle((result, failure) -> result).join();
    // The journal as the killed daemon left it; the engine as it was at the kill.
    RunView afterKill = look(journal, start, asked);
    if (atPoint == null) {
      problems.add("the point was never reached within " + REACH.toSeconds() + " s");
      atPoint = afterKill;
    }
    String run = afterKill.run();
    String intent = intent();
    List<AppInventory.Instance> atKill = inventory.instances().stream()
        .filter(i -> i.run().equals(run)).toList();

    daemon.close();
    daemon = ServedDaemon.serve(config, state, base);
    watch.lap("daemon up");
    RecoveryChecks checks = new RecoveryChecks();
    String expected = run;
    String resumed = "yes";
    if (afterKill.journal().isEmpty()) {
      // Killed before the run's first journal line: what the operator last asked decides.
      if (intent.equals("started")) {
        resumed = "new run";
        expected = checks.startedNewRun(previousRun, daemon.awaitSettled(SETTLE));
      } else {
        // The operator's stop is the last thing the daemon knows: the app stays stopped, and the
        // operator, whose start got no answer, starts it again.
        resumed = "start again";
        checks.stayedStopped(start.getNow(null), daemon.awaitSettledOrStopped(SETTLE));
        CliRun again = daemon.cli("start");
        expected = runFromStart(CompletableFuture.completedFuture(again));
        if (expected.isEmpty()) {
          problems.add("tugboat start after the restart did not start a run: " + again.out()
              + again.err());
        }
      }
    }
    JsonNode status = daemon.awaitSettled(SETTLE);
    watch.lap("settled");
    checks.resumedToStarted(expected, status);
    String runAfter = status.path("run_id").asText();
    int migrations = migrationsNow(runAfter);
    checks.migratedOnce(migrationsBefore, migrations);
    List<String> orphans = inventory.orphans(runAfter);
    checks.noOrphans(orphans);
    checks.adopted(atKill, inventory.instances());
    List<JournalLine> lines = JournalWatch.read(runs, run);
    checks.firedAndStartedOnce(lines, engine.ofRun(run));
    problems.addAll(checks.problems());
    watch.lap("checks");
    String details = problems.isEmpty() ? "" : "run " + run + "\n" + details(afterKill, atPoint, lines);
    String journalAtKill = afterKill.journalSummary()
        + (afterKill.journal().isEmpty() ? " (app-intent: " + intent + ")" : "");
    return new KillRound(number, point.name(), journalAtKill, atPoint.dockerSummary(),
        run.equals(runAfter) || !resumed.equals("yes") ? resumed : "NO", runAfter, status.path("state").asText(), migrationsBefore, migrations, orphans,
        watch.total(), watch.laps(), problems, details);
  }

  /** Polls the journal and the engine's events until {@code condition} holds; null at the timeout. */
  private RunView await(KillPoint.Condition condition, JournalWatch journal,
      CompletableFuture<CliRun> start, long asked) throws Exception {
    long deadline = System.nanoTime() + REACH.toNanos();
    while (System.nanoTime() < deadline) {
      RunView view = look(journal, start, asked);
      if (condition.holds(view)) {
        return view;
      }
      Thread.sleep(2);
    }
    return null;
  }

  private RunView look(JournalWatch journal, CompletableFuture<CliRun> start, long asked)
      throws Exception {
    List<JournalLine> lines = journal.poll();
    String run = journal.runId().orElseGet(() -> runFromStart(start));
    return new RunView(run, lines, run.isEmpty() ? List.of() : engine.ofRun(run),
        Duration.ofNanos(System.nanoTime() - asked));
  }

  /** Before its journal exists, the run's id is what {@code tugboat start} printed. */
  private static String runFromStart(CompletableFuture<CliRun> start) {
    CliRun done = start.getNow(null);
    if (done == null) {
      return "";
    }
    // "started run ID (app ...)": the one line, or the last once the start was accepted (202)
    java.util.regex.Matcher started = java.util.regex.Pattern.compile("(?m)^started run (\\S+)")
        .matcher(done.out());
    return started.find() ? started.group(1) : "";
  }

  /** What the operator last asked, as the daemon keeps it in {@code <state_dir>/app-intent}. */
  private String intent() throws IOException {
    Path file = state.resolve("app-intent");
    return Files.exists(file) ? Files.readString(file).strip() : "none";
  }

  private int migrationsNow(String run) {
    try {
      return inventory.migrationRuns(run);
    } catch (Exception | AssertionError e) {
      return -1;
    }
  }

  private String details(RunView afterKill, RunView atPoint, List<JournalLine> now)
      throws Exception {
    List<JournalLine> tail = now.subList(Math.max(0, now.size() - 25), now.size());
    List<String> log = List.of(daemon.output().split("\n"));
    return "journal at kill: " + afterKill.journalSummary() + "; engine at kill: "
        + atPoint.dockerSummary() + "\njournal now (last " + tail.size() + " of " + now.size()
        + " lines):\n  " + tail.stream().map(JournalLine::text).collect(Collectors.joining("\n  "))
        + "\ncontainers of the app now:" + inventory.describe()
        + "\nrestarted daemon's log (last 40 lines, no stack frames):\n  "
        + log.stream().filter(line -> !line.startsWith("\t")).skip(Math.max(0, log.size() - 40))
            .collect(Collectors.joining("\n  "));
  }
}
