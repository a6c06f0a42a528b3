package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.ApiEvent;
import dev.tugboat.api.ApiLimits;
import dev.tugboat.api.ApiServer;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.FakeApp;
import dev.tugboat.events.AppPhase;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.tugboat.api.NoBufferLeaks;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The client commands against a real API server (on a free local port) serving a fake app. */
@ExtendWith(NoBufferLeaks.class)
class ClientCommandsTest {

  @TempDir Path dir;
  private final FakeApp app = new FakeApp();
  private ApiServer server;
  private String config;

  @BeforeEach
  void serve() throws Exception {
    server = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), app, "tok", ApiLimits.defaults(), 1);
    config = ClientConfig.forDaemonAt(dir, server.address().getPort());
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void statusPrintsTheAppAndATableOfContainers() {
    app.snapshot = new AppSnapshot("demo", "1.0", AppPhase.STARTED, "started in 2.0 s", null,
        "Warming up",
        Instant.parse("2026-01-01T00:00:00Z"), FakeApp.runWith("started", "started in 2.0 s"));
    CliRun run = CliRun.of("status", "--config", config);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        demo 1.0: started (started in 2.0 s)
        run run-1, started 2026-01-01T00:00:00Z
        startup message: Warming up

        CONTAINER    STATE    DETAIL   PORTS
        db/postgres  running  running  0.0.0.0:5432->5432/tcp
        """);
    assertThat(CliRun.of("status", "--json", "--config", config).out())
        .contains("\"state\" : \"started\"");
  }

  @Test
  void controlCommandsSayWhatHappened() {
    CliRun stop = CliRun.of("stop", "--config", config);
    assertThat(stop.exitCode()).isZero();
    assertThat(stop.out()).isEqualTo("stopping run run-1 (app stopping)\nstopped (app stopped)\n");
    assertThat(CliRun.of("restart", "--config", config).out())
        .isEqualTo("started run run-2 (app starting)\n");
    assertThat(app.calls).containsExactly("stop", "restart");
  }

  @Test
  void configWithoutASpecAsksTheDaemon() {
    CliRun get = CliRun.of("config", "get", "db_password", "--config", config);
    assertThat(get.exitCode()).isZero();
    assertThat(get.out()).isEqualTo("********\n");
    CliRun set = CliRun.of("config", "set", "db_password=hunter2", "--config", config);
    assertThat(set.out()).isEqualTo("set db_password = ********\nrestart the app to apply:"
        + " tugboat restart\n");
    CliRun refused = CliRun.of("config", "set", "nope=1", "--config", config);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("tugboat config set: no config item 'nope' in this spec\n");
    assertThat(CliRun.of("config", "list", "--config", config).out())
        .startsWith("ITEM         TYPE      SOURCE  VALUE     NOTES\n"
            + "db_password  password  stored  ********  required\n");
  }

  @Test
  void configUnsetWithoutASpecAsksTheDaemonAfterCheckingEveryName() {
    CliRun unset = CliRun.of("config", "unset", "db_password", "--config", config);
    assertThat(unset.exitCode()).isZero();
    assertThat(unset.out()).isEqualTo("unset db_password = ******** (default)\n"
        + "restart the app to apply: tugboat restart\n");
    assertThat(app.calls).containsExactly("unset [db_password]");
    app.calls.clear();

    CliRun refused = CliRun.of("config", "unset", "db_password", "nope", "--config", config);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("tugboat config unset: no config item 'nope' in the app\n");
    assertThat(app.calls).isEmpty();
  }

  @Test
  void logsAdminAndEvents() {
    assertThat(CliRun.of("logs", "db/postgres", "--tail", "5", "--config", config).out())
        .isEqualTo("line 1\nline 2\n");
    assertThat(app.calls).containsExactly("logs db/postgres 5");
    app.calls.clear();
    CliRun admin = CliRun.of("admin", "--config", config, "psql", "--", "-c", "select 1");
    assertThat(admin.exitCode()).isZero();
    assertThat(admin.out()).isEqualTo("ok\n");
    assertThat(app.calls).containsExactly("admin psql [-c, select 1]");
    app.snapshot = new AppSnapshot("demo", "1.0", AppPhase.STARTED, "started in 2.0 s", null,
        "",
        Instant.parse("2026-01-01T00:00:00Z"), FakeApp.runWith("started", "started in 2.0 s"));
    app.events.append(new ApiEvent(1, Instant.parse("2025-12-31T00:00:00Z"), "run-0",
        "ContainerStarted", "started db/postgres", "runtime"));
    app.events.append(new ApiEvent(2, Instant.parse("2026-01-01T00:00:00Z"), "run-1",
        "ContainerStarted", "started db/postgres", "runtime"));
    assertThat(CliRun.of("events", "--config", config).out())
        .as("the current run's").isEqualTo("2026-01-01T00:00:00Z  started db/postgres\n");
    assertThat(CliRun.of("events", "--after", "0", "--config", config).out())
        .isEqualTo("2025-12-31T00:00:00Z  started db/postgres\n"
            + "2026-01-01T00:00:00Z  started db/postgres\n");
    CliRun badName = CliRun.of("logs", "postgres", "--config", config);
    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.err()).isEqualTo("tugboat logs: name the container as COMPONENT/CONTAINER"
        + " (as `tugboat status` lists it), got 'postgres'\n");
  }

  @Test
  void aStoppedDaemonIsSaidPlainly() {
    server.close();
    CliRun run = CliRun.of("status", "--config", config);
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("tugboat status: the daemon is not running: nothing answers at"
        + " http://127.0.0.1:");
  }

  @Test
  void aWrongTokenIsRefused() throws Exception {
    Files.writeString(dir.resolve("state/token"), "other\n");
    CliRun run = CliRun.of("status", "--config", config);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(
        "tugboat status: the token does not match the daemon's token\n");
  }
}
