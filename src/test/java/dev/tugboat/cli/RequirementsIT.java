package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host and custom requirements on the real engine: a requirement the host does not meet stops
 * {@code tugboat run} and the daemon's start before any container is made; a custom requirement's
 * busybox container decides by its exit code; the API and {@code tugboat preflight} show what was
 * measured.
 */
class RequirementsIT {

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("it-req");

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  /** One busybox service; {@code requirements} is appended at the top level. */
  private Path spec(String requirements) throws Exception {
    return Files.writeString(dir.resolve("app.yml"), """
        replicated_api_version: 2.8.0
        name: "%s"
        version: "1"
        components:
        - name: web
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: 1
            cmd: '["sh", "-c", "trap \\"exit 0\\" TERM; while true; do sleep 0.2; done"]'
            stop_timeout: 2
        %s
        """.formatted(app, requirements));
  }

  private static String custom(String exitCode) {
    return """
        custom_requirements:
        - id: marker
          message: The marker file is readable
          results:
          - status: success
            message: The marker is there
            condition:
              status_code: 0
          - status: error
            message: The marker is missing; create /etc/marker
            condition:
              status_code: 1
          command:
            id: scheduler
            timeout: 30
            data:
              component: web
              container: tugboat-test/busybox
              cmd: '["sh", "-c", "echo checking; exit %s"]'
        """.formatted(exitCode);
  }

  private List<String> preflightContainers() throws Exception {
    String names = DockerCli.run("ps", "-a", "--filter", "label=dev.tugboat.preflight=" + app,
        "--format", "{{.Names}}");
    return names.isEmpty() ? List.of() : List.of(names.split("\n"));
  }

  @Test
  void memoryTheHostDoesNotHaveRefusesTheRunAndCreatesNothing() throws Exception {
    Path spec = spec("host_requirements:\n  memory: 100TB\n  cpu_cores: 1");
    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(), "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stdout()).isEqualTo(1);
      assertThat(tugboat.stderr()).as(tugboat.stdout())
          .contains("a host requirement is not met; nothing was started:")
          .containsPattern("memory \\(app\\): need 100 TB, have [0-9.]+ [MGT]B: error - not enough memory");
      assertThat(tugboat.stdout()).containsPattern("preflight: cpu_cores \\(app\\): need 1, have \\d+: ok");
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
    assertThat(preflightContainers()).isEmpty();
  }

  @Test
  void aCustomRequirementsContainerDecidesByItsExitCode() throws Exception {
    Path failing = spec(custom("1"));
    try (TugboatProcess tugboat = TugboatProcess.start("run", failing.toString(), "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stdout()).isEqualTo(1);
      assertThat(tugboat.stderr()).contains("marker (custom): have exit 1: checking: error - The"
          + " marker is missing; create /etc/marker");
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
    assertThat(preflightContainers()).isEmpty();

    CliRun refused = CliRun.of("preflight", failing.toString());
    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
    assertThat(refused.out()).contains("marker (custom): have exit 1: checking: error");

    Path passing = spec(custom("0"));
    CliRun check = CliRun.of("preflight", passing.toString(), "--format", "json");
    assertThat(check.exitCode()).as(check.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(check.out());
    assertThat(report.path("ok").asBoolean()).isTrue();
    assertThat(report.path("checks").get(0).path("measured").asText()).isEqualTo("exit 0: checking");
    assertThat(report.path("checks").get(0).path("message").asText()).isEqualTo("The marker is there");

    try (TugboatProcess tugboat = TugboatProcess.start("run", passing.toString(), "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stderr()).isZero();
      assertThat(tugboat.stdout()).contains("preflight: marker (custom): have exit 0: checking: ok"
          + " - The marker is there").contains("app started in");
    }
    assertThat(preflightContainers()).isEmpty();
  }

  @Test
  void theDaemonRefusesTheStartAndShowsThePreflight() throws Exception {
    spec("host_requirements:\n  memory: 100TB\n  docker_version: 1.10.3");
    try (ServedDaemon daemon = serve()) {
      JsonNode status = daemon.awaitSettled(Duration.ofSeconds(120));
      assertThat(status.path("state").asText()).isEqualTo("failed");
      assertThat(status.path("message").asText()).contains("a host requirement is not met")
          .contains("memory (app): need 100 TB");
      JsonNode checks = status.path("preflight").path("checks");
      assertThat(checks.get(0).path("name").asText()).isEqualTo("docker_version");
      assertThat(checks.get(0).path("verdict").asText()).isEqualTo("ok");
      assertThat(checks.get(1).path("verdict").asText()).isEqualTo("error");
      assertThat(DockerCli.containersOf(app)).isEmpty();
    }
  }

  @Test
  void theApiMeasuresTheHost() throws Exception {
    spec("host_requirements:\n  memory: 1MB\n  cpu_cores: 1\n  docker_space: 1MB\n" + custom("0"));
    try (ServedDaemon daemon = serve()) {
      assertThat(daemon.awaitSettled(Duration.ofSeconds(120)).path("state").asText())
          .isEqualTo("started");
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(base + "/api/v1/preflight"))
          .header("Authorization", "Bearer " + Files.readString(dir.resolve("state/token")).strip())
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonNode report = new ObjectMapper().readTree(answer.body());
      assertThat(report.path("ok").asBoolean()).isTrue();
      // In the order Replicated documents the keys: cpu_cores, memory, docker_space; then custom.
      assertThat(report.path("checks").get(0).path("measured").asText()).matches("\\d+");
      assertThat(report.path("checks").get(1).path("measured").asText()).matches("[0-9.]+ [MGT]B");
      assertThat(report.path("checks").get(2).path("measured").asText()).matches("[0-9.]+ [MGT]B");
      assertThat(report.path("checks").get(3).path("measured").asText()).isEqualTo("exit 0: checking");
      assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(base + "/api/v1/preflight")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      assertThat(daemon.status().path("preflight").path("checked_at").asText())
          .isEqualTo(report.path("checked_at").asText());
      CliRun cli = CliRun.of("preflight", "--config", dir.resolve("tugboat.yml").toString());
      assertThat(cli.exitCode()).as(cli.err()).isZero();
      assertThat(cli.out()).containsPattern("memory \\(app\\): need 1 MB, have [0-9.]+ [MGT]B: ok");
    }
    assertThat(preflightContainers()).isEmpty();
  }

  private String base;

  private ServedDaemon serve() throws Exception {
    int port = TestSpecs.freePort();
    base = "http://127.0.0.1:" + port;
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\napp: app.yml\n"
        + "integration_port: " + TestSpecs.freePort() + "\n");
    return ServedDaemon.serve(config, dir.resolve("state"), base);
  }
}
