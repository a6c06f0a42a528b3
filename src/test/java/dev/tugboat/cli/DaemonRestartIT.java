package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon restarted as operators and crashes restart it, from the built jar on real Docker:
 * after {@code kill -9} it resumes the run it finds in its journal and adopts the running
 * containers, and its events API goes on with the same ids, skipping and repeating none; an app the operator stopped stays stopped; an app whose services stopped while the
 * daemon was down starts again in a new run.
 */
class DaemonRestartIT {

  private static final Pattern RUN_ID = Pattern.compile("\"run_id\":\"([^\"]+)\"");

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("restart");
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;
  private Path config;

  @BeforeEach
  void writeConfig() throws IOException {
    TestSpecs.write(dir, "chain.yml", Map.of("APP", app));
    int port = TestSpecs.freePort();
    base = "http://127.0.0.1:" + port;
    config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\napp: chain.yml\n"
        + "integration_port: " + TestSpecs.freePort() + "\n");
  }

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  @Test
  void killedDaemonResumesItsRunAndAdoptsTheContainers() throws Exception {
    String runId;
    List<String> containers;
    List<JsonNode> seen;
    String firstRunId;
    try (TugboatProcess daemon = serve()) {
      awaitState("started");
      firstRunId = runId();
      // A second run, so the events the restarted daemon lists span runs, as they do in use.
      assertThat(CliRun.of("restart", "--config", config.toString()).exitCode()).isZero();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> !runId().equals(firstRunId) && status().contains("\"state\":\"started\""));
      runId = runId();
      containers = containerIds();
      seen = events(0);
      daemon.kill();
      daemon.awaitExit(Duration.ofSeconds(20));
    }
    assertThat(containers).hasSize(3);

    try (TugboatProcess daemon = serve()) {
      daemon.awaitLine(line -> line.contains("resuming run " + runId), Duration.ofSeconds(30));
      awaitState("started");
      assertThat(runId()).isEqualTo(runId);
      assertThat(containerIds()).isEqualTo(containers);
      assertThat(DockerCli.run("ps", "-q", "--filter", "label=dev.tugboat.app=" + app)
          .split("\n")).hasSize(2);
      Path journal = dir.resolve("state/runs/" + runId + ".jsonl");
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(journal)
          .contains("\"type\":\"instances-observed\""));
      // A client that polled before the kill goes on after the last id it saw: the events it saw
      // keep their ids and texts, the ones it gets are new, and no id is skipped.
      long lastSeen = seen.get(seen.size() - 1).path("id").asLong();
      List<JsonNode> unseen = events(lastSeen);
      List<JsonNode> all = events(0);
      assertThat(all.subList(0, seen.size())).isEqualTo(seen);
      assertThat(all.subList(seen.size(), all.size())).isEqualTo(unseen);
      assertThat(all).extracting(event -> event.path("id").asLong())
          .isEqualTo(LongStream.rangeClosed(1, all.size()).boxed().toList());
      assertThat(unseen).extracting(event -> event.path("text").asText())
          .anyMatch(text -> text.startsWith("Tugboat restarted: found "));
      assertThat(all.stream().map(event -> event.path("run_id").asText()).distinct())
          .containsExactly(firstRunId, runId);
      daemon.terminate();
      daemon.awaitExit(Duration.ofSeconds(20));
    }
  }

  @Test
  void appTheOperatorStoppedStaysStoppedAcrossARestart() throws Exception {
    try (TugboatProcess daemon = serve()) {
      awaitState("started");
      assertThat(CliRun.of("stop", "--config", config.toString()).exitCode()).isZero();
      daemon.terminate();
      daemon.awaitExit(Duration.ofSeconds(20));
    }
    try (TugboatProcess daemon = serve()) {
      daemon.awaitLine(line -> line.contains("the app was stopped by the operator and stays stopped"),
          Duration.ofSeconds(30));
      assertThat(get("/api/v1/status").body()).contains("\"state\":\"stopped\"");
      assertThat(DockerCli.run("ps", "-q", "--filter", "label=dev.tugboat.app=" + app)).isEmpty();
      daemon.terminate();
      daemon.awaitExit(Duration.ofSeconds(20));
    }
  }

  @Test
  void servicesStoppedWhileTheDaemonWasDownStartAgainInANewRun() throws Exception {
    String runId;
    try (TugboatProcess daemon = serve()) {
      awaitState("started");
      runId = runId();
      daemon.kill();
      daemon.awaitExit(Duration.ofSeconds(20));
    }
    DockerCli.run("stop", "-t", "2", "tugboat-" + app + "-last-busybox-1");

    try (TugboatProcess daemon = serve()) {
      daemon.awaitLine(line -> line.contains("run " + runId + " was interrupted: interrupted:"
          + " last/tugboat-test/busybox exited with code 0"), Duration.ofSeconds(30));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> !runId().equals(runId) && status().contains("\"state\":\"started\""));
      assertThat(containerIds()).hasSize(3);
      daemon.terminate();
      daemon.awaitExit(Duration.ofSeconds(20));
    }
  }

  private TugboatProcess serve() throws Exception {
    TugboatProcess daemon = TugboatProcess.start("serve", "--config", config.toString());
    daemon.awaitLine(line -> line.contains("API listening on " + base), Duration.ofSeconds(30));
    return daemon;
  }

  private List<String> containerIds() throws Exception {
    return List.of(DockerCli.run("ps", "-aq", "--no-trunc", "--filter",
        "label=dev.tugboat.app=" + app).split("\n")).stream().sorted().toList();
  }

  private String runId() throws Exception {
    Matcher matcher = RUN_ID.matcher(status());
    return matcher.find() ? matcher.group(1) : "";
  }

  private String status() throws Exception {
    return get("/api/v1/status").body();
  }

  private void awaitState(String state) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> status().contains("\"state\":\"" + state + "\""));
  }

  /** The events after {@code after}, as the API lists them. */
  private List<JsonNode> events(long after) throws Exception {
    JsonNode page = new ObjectMapper().readTree(get("/api/v1/events?after=" + after).body());
    List<JsonNode> events = new ArrayList<>();
    page.path("events").forEach(events::add);
    return events;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    String token = Files.readString(dir.resolve("state/token")).strip();
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }
}
