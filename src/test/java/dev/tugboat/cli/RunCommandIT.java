package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tugboat run} from the built jar on the real engine, with busybox containers. */
class RunCommandIT {

  /**
   * A container that ends at its SIGTERM, for tests that stop the app but are not about stopping:
   * {@code sleep} as a container's first process ignores the signal, so a stop would wait out the
   * 10 s stop timeout.
   */
  private static final String STOPS_ON_SIGTERM =
      "[\"sh\", \"-c\", \"trap \\\"exit 0\\\" TERM; sleep 300 & wait\"]";

  private final String app = TestSpecs.uniqueApp("it-run");

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  @Test
  void chainStartsInEventOrderAndStopsAfterStart(@TempDir Path dir) throws Exception {
    Path spec = TestSpecs.write(dir, "chain.yml", Map.of("APP", app));

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(), "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stdout()).isZero();
      assertThat(tugboat.stdout())
          .contains("event \"first listens\" fired after")
          .contains("(port-listen 7000 on first/tugboat-test/busybox)")
          .contains("once/tugboat-test/busybox completed (exit 0,")
          .contains("app started in")
          .contains("run ended: stopped");
    }
    String first = "tugboat-" + app + "-first-busybox-1";
    String once = "tugboat-" + app + "-once-busybox-1";
    String last = "tugboat-" + app + "-last-busybox-1";
    // first listens one second after it starts; once starts only then
    assertThat(DockerCli.startedAt(once)).isAfter(DockerCli.startedAt(first).plusSeconds(1));
    assertThat(DockerCli.startedAt(last)).isAfter(DockerCli.finishedAt(once));
    assertThat(DockerCli.containersOf(app)).hasSize(3); // kept until the next run, for their logs
  }

  @Test
  void sigtermStopsTheAppInReverseOrderAndExitsZero(@TempDir Path dir) throws Exception {
    Path spec = TestSpecs.write(dir, "chain.yml", Map.of("APP", app));

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
      tugboat.awaitLine(line -> line.contains("app started"), Duration.ofSeconds(120));
      tugboat.terminate();

      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).as(tugboat.stdout()).isZero();
      String out = tugboat.stdout();
      assertThat(out.indexOf("stopping last/tugboat-test/busybox")).as(out)
          .isPositive().isLessThan(out.indexOf("stopping first/tugboat-test/busybox"));
      assertThat(out).contains("stop requested: interrupted").contains("run ended: stopped");
    }
  }

  @Test
  void nextRunRemovesTheContainersOfThePreviousOne(@TempDir Path dir) throws Exception {
    Path spec = TestSpecs.write(dir, "chain.yml", Map.of("APP", app));
    String firstId;
    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(), "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).isZero();
    }
    firstId = DockerCli.inspect("tugboat-" + app + "-first-busybox-1", "{{.Id}}");

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(), "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stdout()).isZero();
    }

    assertThat(DockerCli.inspect("tugboat-" + app + "-first-busybox-1", "{{.Id}}"))
        .isNotEqualTo(firstId);
    assertThat(DockerCli.containersOf(app)).hasSize(3);
  }

  @Test
  void missingImageIsOneClearErrorAndNothingStarts(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("missing.yml");
    Files.writeString(spec, "replicated_api_version: 2.8.0\nname: " + app + "\ncomponents:\n"
        + "- name: web\n  containers:\n  - source: public\n    image_name: tugboat-test/absent\n"
        + "    version: \"404\"\n");

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(tugboat.stderr()).contains("tugboat run: an image is missing; nothing was started:\n"
          + "  tugboat-test/absent:404 (for web/tugboat-test/absent): is not on this host and could "
          + "not be pulled: load it with `docker load -i FILE`");
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
  }

  @Test
  void aLogDriverTheEngineLacksIsOneClearErrorAndNothingStarts(@TempDir Path dir)
      throws Exception {
    Path spec = dir.resolve("driver.yml");
    Files.writeString(spec, "replicated_api_version: 2.8.0\nname: " + app + "\ncomponents:\n"
        + "- name: web\n  log_config: {type: no-such-driver}\n  containers:\n"
        + "  - source: public\n    image_name: tugboat-test/busybox\n    version: \"1\"\n"
        + "    cmd: '[\"sleep\", \"300\"]'\n");

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(tugboat.stderr()).contains("tugboat run: the engine lacks a log driver; nothing"
          + " was started:\n  no-such-driver (log_config of web/tugboat-test/busybox): the engine"
          + " has ").contains("json-file").contains("install the driver's plugin");
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
  }

  @Test
  void theContainersLogWithTheirLogConfigsDriverAndOptions(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("logs.yml");
    Files.writeString(spec, "replicated_api_version: 2.8.0\nname: " + app + "\ncomponents:\n"
        + "- name: web\n  log_config: {type: local, config: {compress: \"false\"}}\n"
        + "  logs: {max_size: 2m}\n  containers:\n"
        + "  - source: public\n    image_name: tugboat-test/busybox\n    version: \"1\"\n"
        + "    cmd: '" + STOPS_ON_SIGTERM + "'\n");

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(),
        "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stderr()).isZero();
    }
    assertThat(DockerCli.inspect("tugboat-" + app + "-web-busybox-1",
        "{{json .HostConfig.LogConfig}}")).isEqualTo(
            "{\"Type\":\"local\",\"Config\":{\"compress\":\"false\",\"max-size\":\"2m\"}}");
  }

  @Test
  void aComponentsHostVolumesAreMadeWithTheirModeAndOwnerBeforeItsContainersStart(
      @TempDir Path dir) throws Exception {
    Path data = dir.resolve("appliance/uploads");
    Path spec = dir.resolve("volumes.yml");
    Files.writeString(spec, "replicated_api_version: 2.8.0\nname: " + app + "\ncomponents:\n"
        + "- name: web\n  host_volumes:\n  - {host_path: " + data + ", permission: \"0750\","
        + " owner: \"999:999\", min_disk_space: 1MB}\n  containers:\n"
        + "  - source: public\n    image_name: tugboat-test/busybox\n    version: \"1\"\n"
        + "    cmd: '" + STOPS_ON_SIGTERM + "'\n");

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(),
        "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stderr()).isZero();
      assertThat(tugboat.stdout()).contains("min_disk_space " + data + " (component web): need"
          + " 1 MB, have ");
    }
    assertThat(Files.getAttribute(data, "unix:mode")).isEqualTo(040750);
    assertThat(Files.getAttribute(data, "unix:uid")).isEqualTo(999);
  }

  @Test
  void aHostVolumeWithoutItsFreeSpaceStopsTheStartAndNothingStarts(@TempDir Path dir)
      throws Exception {
    Path spec = dir.resolve("space.yml");
    Files.writeString(spec, "replicated_api_version: 2.8.0\nname: " + app + "\ncomponents:\n"
        + "- name: web\n  host_volumes:\n  - {host_path: " + dir.resolve("big")
        + ", min_disk_space: 900PB}\n  containers:\n"
        + "  - source: public\n    image_name: tugboat-test/busybox\n    version: \"1\"\n"
        + "    cmd: '[\"sleep\", \"300\"]'\n");

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(tugboat.stderr()).contains("min_disk_space " + dir.resolve("big")
          + " (component web): need 900 PB").contains("not enough free space for host volume");
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
    assertThat(dir.resolve("big")).doesNotExist();
  }

  @Test
  void takenHostPortNamesThePortAndItsHolder(@TempDir Path dir) throws Exception {
    try (ServerSocket holder = new ServerSocket(0)) {
      int port = holder.getLocalPort();
      Path spec = TestSpecs.write(dir, "port.yml", Map.of("APP", app, "PORT", String.valueOf(port)));

      try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
        assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(tugboat.stderr()).contains("tugboat run: host port is already in use; nothing "
            + "was started:\n  " + port + "/tcp (for web/tugboat-test/busybox) is held by process java (pid "
            + ProcessHandle.current().pid() + "): stop it, or set another public_port");
      }
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
  }

  @Test
  void unreachableDockerIsNamed(@TempDir Path dir) throws Exception {
    Path spec = TestSpecs.write(dir, "chain.yml", Map.of("APP", app));

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(),
        "--docker-host", "unix://" + dir.resolve("no-engine.sock"))) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      // The spec's warnings come first (chain.yml does not declare the port it listens on).
      assertThat(tugboat.stderr().lines()).filteredOn(line -> !line.contains(": warning ["))
          .first().asString().startsWith("tugboat run: cannot reach Docker at unix://"
              + dir.resolve("no-engine.sock") + ": ");
    }
  }

  @Test
  void missingRequiredConfigValueIsNamedAndNothingStarts(@TempDir Path dir) throws Exception {
    Path spec = TestSpecs.write(dir, "migration.yml", Map.of("APP", app, "VOLUME", app,
        "PG_PORT", "15432", "APP_PORT", "18000"));

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
      assertThat(tugboat.stderr()).contains("tugboat run: the app cannot start until its required "
          + "config items have values:\n  required config item");
      assertThat(tugboat.stderr()).contains("db_password");
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
  }

  @Test
  void badSpecIsReportedWithItsPositionAndNothingStarts(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("bad.yml");
    Files.writeString(spec, "replicated_api_version: 2.8.0\nname: " + app + "\ncomponents:\n"
        + "- name: web\n  containers: [\n");

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString())) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
      assertThat(tugboat.stderr()).startsWith("tugboat run: " + spec);
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
  }
}
