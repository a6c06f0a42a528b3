package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.ApiLimits;
import dev.tugboat.api.ApiServer;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.ApplyResult;
import dev.tugboat.api.FakeApp;
import dev.tugboat.api.RunRecord;
import dev.tugboat.events.AppPhase;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply, rollback and history against a real API server serving a fake app. */
class UpgradeCommandsTest {

  @TempDir Path dir;
  private final FakeApp app = new FakeApp();
  private ApiServer server;
  private String config;
  private Path spec;

  @BeforeEach
  void serve() throws Exception {
    server = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), app, "tok",
        ApiLimits.defaults(), 1);
    config = ClientConfig.forDaemonAt(dir, server.address().getPort());
    spec = Files.writeString(dir.resolve("v2.yml"), "name: demo\nversion: \"2\"\n");
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void dryRunShowsTheChangesAndSendsTheFileName() {
    app.applied = withRun(app.applied, false, "dry run: nothing was changed", null);
    CliRun run = CliRun.of("apply", spec.toString(), "--dry-run", "--config", config);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        demo 1 -> demo 2
          ~ container app/web: image web:1 -> web:2
        dry run: nothing was changed
        """);
    assertThat(app.calls).containsExactly("apply " + spec + " dry-run 24 bytes");
  }

  @Test
  void applyWaitsUntilTheNewRunStarted() {
    app.applied = withRun(app.applied, true, "stopped run run-0; started run run-1 of demo 2",
        "run-1");
    app.snapshot = new AppSnapshot("demo", "2", AppPhase.STARTED, "started in 2.0 s", null, "",
        Instant.parse("2026-01-01T00:00:00Z"), FakeApp.runWith("started", "started in 2.0 s"));
    CliRun run = CliRun.of("apply", spec.toString(), "--config", config);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith("stopped run run-0; started run run-1 of demo 2\n"
        + "demo 2 (run run-1): started\n");
  }

  @Test
  void aFailedUpgradeSaysWhyAndHowToGoBack() {
    app.applied = withRun(app.applied, true, "started run run-1 of demo 2", "run-1");
    app.snapshot = new AppSnapshot("demo", "2", AppPhase.FAILED, "upgrade to demo 2 failed: app/web"
        + " exited 3", null, "", Instant.parse("2026-01-01T00:00:00Z"),
        FakeApp.runWith("failed", "app/web exited 3"));
    CliRun run = CliRun.of("apply", spec.toString(), "--config", config);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("demo 2 (run run-1): failed: upgrade to demo 2 failed:"
        + " app/web exited 3\nthe daemon stops what the new run started; tugboat rollback"
        + " returns to demo 1\n");
  }

  @Test
  void anInvalidSpecPrintsEachProblemAndExits1() {
    Path broken = dir.resolve("broken.yml");
    CliRun missing = CliRun.of("apply", broken.toString(), "--config", config);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("tugboat apply: " + broken + ": no such file\n");
    spec = broken;
    writeBroken();
    CliRun run = CliRun.of("apply", broken.toString(), "--config", config);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("tugboat apply: " + broken + " has 1 error; nothing was"
        + " changed:\n" + broken + ":1:1: error [unknown-key] unknown key 'broken'\n");
  }

  @Test
  void rollbackWithoutWaiting() {
    CliRun run = CliRun.of("rollback", "--no-wait", "--config", config);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).endsWith("stopped run run-1; started run run-2 of demo 2\n");
    assertThat(app.calls).containsExactly("rollback");
  }

  @Test
  void historyPrintsATable() {
    app.runs = List.of(
        new RunRecord("20261122-041000-aaaa", "demo", "2", Instant.parse("2026-11-22T04:10:00Z"),
            null, "started", ""),
        new RunRecord("20261122-040000-bbbb", "demo", "1", Instant.parse("2026-11-22T04:00:00Z"),
            Instant.parse("2026-11-22T04:09:59.5Z"), "failed", "ready check failed"));
    CliRun run = CliRun.of("history", "--config", config);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(""
        + "RUN                   SPEC                            STARTED              ENDED"
        + "                OUTCOME   CAUSE\n"
        + "20261122-041000-aaaa  demo 2                          2026-11-22 04:10:00  -"
        + "                    started\n"
        + "20261122-040000-bbbb  demo 1                          2026-11-22 04:00:00  2026-11-22"
        + " 04:09:59  failed    ready check failed\n");
    assertThat(CliRun.of("history", "--json", "--config", config).out())
        .contains("\"run_id\" : \"20261122-041000-aaaa\"");
  }

  private void writeBroken() {
    try {
      Files.writeString(spec, "broken: 1\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ApplyResult withRun(ApplyResult result, boolean applied, String message,
      String runId) {
    return new ApplyResult(applied, result.state(), message, runId, result.from(), result.to(),
        result.changes(), result.summary(), result.warnings());
  }
}
