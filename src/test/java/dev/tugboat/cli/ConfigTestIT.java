package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A config item's test procedure on the real engine, as an operator runs it: {@code tugboat config
 * test ITEM} has the daemon run the vendor's check container with the stored value, or with one
 * typed but not saved, and prints the vendor's verdict; the check's container is removed after and
 * the password is never shown.
 */
class ConfigTestIT {

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("it-cfgtest");

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  @Test
  void theVendorsCheckJudgesTheStoredValueOrOneTypedInItsPlace() throws Exception {
    Files.writeString(dir.resolve("app.yml"), """
        replicated_api_version: 2.8.0
        name: "%s"
        version: "1"
        config:
        - name: credentials
          items:
          - name: password
            type: password
            default: short
            test_proc:
              display_name: Check Password Strength
              custom_command:
                id: scheduler
                timeout: 30
                data:
                  component: web
                  container: tugboat-test/busybox
                  cmd: '["sh", "-c", "test ${#0} -ge 8", "{{repl ConfigOption "password"}}"]'
              results:
              - status: success
                message: Strong enough
                condition:
                  status_code: 0
              - status: error
                message:
                  default_message: Use at least 8 characters, not {{.given}}
                  args:
                    given: '{{repl ConfigOption "password"}}'
                condition:
                  status_code: 1
        components:
        - name: web
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: 1
            cmd: '["sh", "-c", "trap \\"exit 0\\" TERM; while true; do sleep 0.2; done"]'
            stop_timeout: 2
        """.formatted(app));
    int port = TestSpecs.freePort();
    String base = "http://127.0.0.1:" + port;
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\napp: app.yml\n"
        + "integration_port: " + TestSpecs.freePort() + "\n");
    try (ServedDaemon daemon = ServedDaemon.serve(config, dir.resolve("state"), base)) {
      daemon.awaitSettled(Duration.ofSeconds(120));

      CliRun weak = CliRun.of("config", "test", "password", "--config", config.toString());
      assertThat(weak.exitCode()).as(weak.out() + weak.err()).isEqualTo(1);
      assertThat(weak.out()).isEqualTo("Check Password Strength: error - Use at least 8"
          + " characters, not ********\n");

      CliRun strong = CliRun.of("config", "test", "password", "password=correct-horse",
          "--config", config.toString());
      assertThat(strong.exitCode()).as(strong.out() + strong.err()).isZero();
      assertThat(strong.out()).isEqualTo("Check Password Strength: ok - Strong enough\n");
      // typed, not saved: the stored value is still the default
      assertThat(CliRun.of("config", "test", "password", "--config", config.toString())
          .exitCode()).isEqualTo(1);

      CliRun missing = CliRun.of("config", "test", "nothing", "--config", config.toString());
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.err()).contains("no config item 'nothing' in the app");

      // the dashboard's config screen offers the test by its name
      HttpResponse<String> view = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(base + "/api/v1/config")).header("Authorization", "Bearer "
              + Files.readString(dir.resolve("state/token")).strip()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(view.body()).contains("\"test\":\"Check Password Strength\"");

      HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(base + "/api/v1/config/password/test"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
    assertThat(checkContainers()).isEmpty();
    assertThat(Files.readString(dir.resolve("state/settings.json"))).doesNotContain("correct");
    try (var files = Files.list(dir.resolve("state"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".config-test"));
    }
  }

  private List<String> checkContainers() throws Exception {
    String names = DockerCli.run("ps", "-a", "--filter", "label=dev.tugboat.preflight=" + app,
        "--format", "{{.Names}}");
    return names.isEmpty() ? List.of() : List.of(names.split("\n"));
  }
}
