package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http-status trigger from the built jar on the real engine: busybox's httpd answers 404 for
 * two seconds, then 200; the subscriber starts only after the 200, by Docker's own timestamps.
 */
class HttpStatusTriggerIT {

  private final String app = TestSpecs.uniqueApp("it-http");

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  @Test
  void subscriberStartsOnlyOnceTheUrlAnswersTheCode(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("http.yml");
    Files.writeString(spec, """
        replicated_api_version: 2.8.0
        name: %1$s
        components:
        - name: web
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: 1
            name: %1$s-web
            cmd: '["sh", "-c", "trap \\"exit 0\\" TERM; mkdir -p /www; httpd -p 8080 -h /www; sleep 2; echo ok > /www/health; echo health written; while true; do sleep 0.2; done"]'
            stop_timeout: 2
            publish_events:
            - name: web answers
              trigger: http-status
              args: ["http://{{repl ThisNodePrivateIPAddress}}:8080/health", "200"]
              timeout: 60
              subscriptions:
              - {component: after, container: tugboat-test/busybox, action: start}
        - name: after
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: 1
            name: %1$s-after
            ephemeral: true
            cmd: '["true"]'
        """.formatted(app));

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(), "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stdout()).isZero();
      assertThat(tugboat.stdout()).contains("event \"web answers\" fired after")
          .contains("(http-status [http://");
    }
    assertThat(DockerCli.startedAt(app + "-after"))
        .isAfter(DockerCli.lastLineTime(app + "-web", "health written"));
  }
}
