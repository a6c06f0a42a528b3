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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containers removed behind Tugboat's back ({@code docker rm -f}) on real Docker, with the daemon
 * looking at Docker every 2 s: a completed one-shot is not run again and status stops naming its
 * container; a service that restarts always gets a new container; a service that never restarts
 * fails the app, saying it was removed outside Tugboat. Status never names a container Docker
 * does not have.
 */
class ResyncIT {

  private static final Duration WITHIN = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("resync");
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;
  private Path config;

  @BeforeEach
  void writeConfig() throws IOException {
    TestSpecs.write(dir, "resync.yml", Map.of("APP", app));
    int port = TestSpecs.freePort();
    base = "http://127.0.0.1:" + port;
    config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\napp: resync.yml\n"
        + "integration_port: " + TestSpecs.freePort() + "\nresync_seconds: 2\n");
  }

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  @Test
  void containersRemovedBehindTugboatsBackAreHandledAsTheirSpecSays() throws Exception {
    try (TugboatProcess daemon = TugboatProcess.start("serve", "--config", config.toString())) {
      daemon.awaitLine(line -> line.contains("API listening on " + base), Duration.ofSeconds(30));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> status().path("state").asText().equals("started"));

      String once = container("once").path("container_id").asText();
      DockerCli.run("rm", "-f", once);
      await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
          .until(() -> container("once").path("container_id").asText().isEmpty());
      assertThat(container("once").path("state").asText()).isEqualTo("completed");
      assertThat(container("once").path("detail").asText())
          .isEqualTo("its container was removed outside Tugboat");

      String keep = container("keep").path("container_id").asText();
      DockerCli.run("rm", "-f", keep);
      await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
        JsonNode now = container("keep");
        return now.path("state").asText().equals("running")
            && !now.path("container_id").asText().equals(keep);
      });
      String replaced = container("keep").path("container_id").asText();
      assertThat(DockerCli.inspect(replaced, "{{.State.Running}}")).isEqualTo("true");
      assertThat(container("keep").path("restarts").asInt()).isEqualTo(1);
      assertThat(status().path("state").asText()).isEqualTo("started");

      String plain = container("plain").path("container_id").asText();
      DockerCli.run("rm", "-f", plain);
      await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
          .until(() -> status().path("state").asText().equals("failed"));
      await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
          .until(() -> container("plain").path("container_id").asText().isEmpty());
      assertThat(container("plain").path("detail").asText())
          .isEqualTo("its container was removed outside Tugboat");

      // Docker has only keep's replacement; status names no other container.
      assertThat(DockerCli.run("ps", "-aq", "--no-trunc", "--filter",
          "label=dev.tugboat.app=" + app).strip()).isEqualTo(replaced);
      daemon.terminate();
      daemon.awaitExit(Duration.ofSeconds(20));
    }
  }

  private JsonNode container(String component) throws Exception {
    for (JsonNode c : status().path("components")) {
      if (c.path("name").asText().equals(component)) {
        return c.path("containers").get(0);
      }
    }
    throw new AssertionError("no component " + component + " in status");
  }

  private JsonNode status() throws Exception {
    String token = Files.readString(dir.resolve("state/token")).strip();
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base
        + "/api/v1/status")).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(answer.body());
  }
}
