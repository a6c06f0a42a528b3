package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec that asks for snapshots of the running app with it paused ({@code
 * backup.pause_containers}), from the built jar on the real engine: {@code tugboat snapshot
 * create} without {@code --stop} pauses the app's container for the copy and lets it run on, never
 * restarted; and containers a daemon killed meanwhile left paused run on once the next daemon
 * starts.
 */
class PausedSnapshotIT {

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("it-paused");
  private Path config;
  private String base;

  @BeforeEach
  void writeConfig() throws Exception {
    TestSpecs.write(dir, "paused-snapshot.yml", Map.of("APP", app));
    int port = TestSpecs.freePort();
    base = "http://127.0.0.1:" + port;
    config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\n"
        + "app: paused-snapshot.yml\nintegration_port: " + TestSpecs.freePort() + "\n");
  }

  @AfterEach
  void removeEverything() throws Exception {
    DockerCli.removeApp(app, app + "-data");
  }

  @Test
  void theRunningAppIsPausedForTheCopyAndRunsOnWithoutARestart() throws Exception {
    try (ServedDaemon daemon = ServedDaemon.serve(config, dir.resolve("state"), base)) {
      assertThat(daemon.awaitSettled(Duration.ofSeconds(60)).path("state").asText())
          .isEqualTo("started");
      String store = onlyContainer();
      Instant startedAt = DockerCli.startedAt(store);
      Instant before = Instant.now().minusSeconds(1);

      CliRun snapshot = daemon.cli("snapshot", "create");

      assertThat(snapshot.exitCode()).as(snapshot.out() + snapshot.err()).isZero();
      assertThat(snapshot.out()).containsPattern("^paused run \\S+ \\(1 container\\) for"
          + " [0-9.]+ s; snapshot \\S+ taken: 1 volume, ").contains("; the app runs on");
      System.out.println("snapshot of the running app: " + snapshot.out().strip());
      assertThat(DockerCli.run("events", "--since", Long.toString(before.getEpochSecond()),
          "--until", Long.toString(Instant.now().getEpochSecond() + 1), "--filter",
          "container=" + store, "--filter", "event=pause", "--filter", "event=unpause",
          "--format", "{{.Action}}")).isEqualTo("pause\nunpause");
      assertThat(DockerCli.inspect(store, "{{.State.Status}}")).isEqualTo("running");
      assertThat(DockerCli.startedAt(store)).as("never restarted").isEqualTo(startedAt);
      assertThat(daemon.status().path("state").asText()).isEqualTo("started");
      assertThat(dir.resolve("state/snapshot-paused")).doesNotExist();
      CliRun list = daemon.cli("snapshot", "list");
      assertThat(list.out()).contains("named-volume " + app + "-data (/data)");
    }
  }

  @Test
  void containersLeftPausedByADaemonThatDiedRunOnOnceTheNextOneStarts() throws Exception {
    String store;
    try (ServedDaemon daemon = ServedDaemon.serve(config, dir.resolve("state"), base)) {
      assertThat(daemon.awaitSettled(Duration.ofSeconds(60)).path("state").asText())
          .isEqualTo("started");
      store = onlyContainer();
      // as a daemon killed during the copy leaves it: the container paused and noted
      Files.writeString(dir.resolve("state/snapshot-paused"),
          DockerCli.inspect(store, "{{.Id}}") + "\n");
      DockerCli.run("pause", store);
      daemon.kill();
    }
    Instant startedAt = DockerCli.startedAt(store);

    try (ServedDaemon daemon = ServedDaemon.serve(config, dir.resolve("state"), base)) {
      assertThat(daemon.awaitSettled(Duration.ofSeconds(60)).path("state").asText())
          .isEqualTo("started");
      assertThat(DockerCli.inspect(store, "{{.State.Status}}")).isEqualTo("running");
      assertThat(DockerCli.startedAt(store)).as("resumed, not replaced").isEqualTo(startedAt);
      assertThat(dir.resolve("state/snapshot-paused")).doesNotExist();
      assertThat(daemon.output()).contains("a snapshot the last daemon did not finish paused 1"
          + " container: resuming them");
    }
  }

  private String onlyContainer() throws Exception {
    List<String> containers = DockerCli.containersOf(app);
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }
}
