package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The license end to end, through the built jar and the real engine: a start without a license
 * fails saying how to install one; {@code tugboat license install} and a start put the license's
 * field into the container's env ({@code Add (LicenseFieldValue "maximum_users") 1}); the
 * Integration API answers from it; {@code apply} moves {@code AppVersion*} as the history says;
 * a spec naming a field the license lacks is refused, the field named.
 */
class LicenseIT {

  private static final String LICENSE = """
      license_id: lic-7a4f
      app_id: acme-analytics
      assignee: Example Corp
      channel: Stable
      expiration_date: 2099-12-31
      fields:
        maximum_users: 25
      """;

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("license");
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  @Test
  void theInstalledLicenseReachesTheContainersAndTheIntegrationApi() throws Exception {
    Path v1 = spec("v1.yml", "1", "MAX_USERS_PLUS_ONE",
        "{{repl Add (LicenseFieldValue \\\"maximum_users\\\") 1}}");
    Path v2 = spec("v2.yml", "2", "MAX_USERS_PLUS_ONE",
        "{{repl Add (LicenseFieldValue \\\"maximum_users\\\") 1}}");
    Path v3 = spec("v3.yml", "3", "MAX_NODES", "{{repl LicenseFieldValue \\\"max_nodes\\\"}}");
    int port = TestSpecs.freePort();
    String base = "http://127.0.0.1:" + port;
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\napp: v1.yml\n"
        + "integration_port: " + TestSpecs.freePort() + "\n");
    String cfg = config.toString();
    try (ServedDaemon daemon = ServedDaemon.serve(config, dir.resolve("state"), base)) {
      JsonNode failed = daemon.awaitSettled(Duration.ofSeconds(60));
      assertThat(failed.path("state").asText()).isEqualTo("failed");
      assertThat(failed.toString()).contains("no license is installed, so the license field"
          + " \\\"maximum_users\\\" has no value: install the vendor's license with tugboat"
          + " license install FILE");

      Path license = Files.writeString(dir.resolve("acme.yml"), LICENSE);
      CliRun installed = CliRun.of("license", "install", license.toString(), "--config", cfg);
      assertThat(installed.exitCode()).as(installed.err()).isZero();
      assertThat(installed.out()).startsWith("installed license: lic-7a4f for Example Corp,"
          + " app acme-analytics, expires 2099-12-31");
      assertThat(Files.readString(dir.resolve("state/license.yml"))).isEqualTo(LICENSE);
      CliRun refused = CliRun.of("license", "install",
          Files.writeString(dir.resolve("bad.yml"), "app_id: x\n").toString(), "--config", cfg);
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(Files.readString(dir.resolve("state/license.yml"))).isEqualTo(LICENSE);

      assertThat(CliRun.of("start", "--config", cfg).exitCode()).isZero();
      awaitState(daemon, "started");
      String container = "tugboat-" + app + "-web-busybox-1";
      assertThat(env(container)).contains("MAX_USERS_PLUS_ONE=26", "LICENSEE=Example Corp",
          "APP_ID=acme-analytics", "VERSIONS=1 1 1");
      assertThat(CliRun.of("status", "--config", cfg).out()).contains("license: lic-7a4f for"
          + " Example Corp, app acme-analytics, expires 2099-12-31");

      String integration = env(container).replaceAll(
          "(?s).*REPLICATED_INTEGRATIONAPI=(\\S+).*", "$1");
      // Asked from the app's own container: the Integration API answers no one else.
      assertThat(DockerCli.run("exec", container, "wget", "-q", "-O-",
          integration + "/license/v1/field/maximum_users").strip())
          .isEqualTo("{\"field\":\"maximum_users\",\"title\":"
          + "\"maximum_users\",\"type\":\"Integer\",\"value\":25}");
      assertThat(DockerCli.run("exec", container, "wget", "-q", "-O-",
          integration + "/license/v1/license"))
          .contains("\"assignee\":\"Example Corp\"", "\"release_channel\":\"Stable\"");

      CliRun upgrade = CliRun.of("apply", v2.toString(), "--config", cfg);
      assertThat(upgrade.exitCode()).as(upgrade.out() + upgrade.err()).isZero();
      assertThat(env(container)).contains("VERSIONS=2 1 1", "MAX_USERS_PLUS_ONE=26");
      CliRun restart = CliRun.of("restart", "--config", cfg);
      assertThat(restart.exitCode()).isZero();
      awaitState(daemon, "started");
      assertThat(env(container)).contains("VERSIONS=2 1 2");

      CliRun missing = CliRun.of("apply", v3.toString(), "--config", cfg);
      assertThat(missing.exitCode()).isEqualTo(1);
      JsonNode status = daemon.status();
      assertThat(status.path("state").asText()).isEqualTo("failed");
      assertThat(status.toString()).contains("the license " + dir.resolve("state/license.yml")
          + " has no field \\\"max_nodes\\\"; its fields: maximum_users");
    }
  }

  private Path spec(String name, String version, String var, String value) throws Exception {
    return Files.writeString(dir.resolve(name), """
        replicated_api_version: 2.8.0
        name: "%s"
        version: "%s"
        components:
        - name: web
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: 1
            cmd: '["sh", "-c", "trap \\"exit 0\\" TERM; while true; do sleep 0.2; done"]'
            stop_timeout: 2
            env_vars:
            - name: %s
              value: "%s"
            - name: LICENSEE
              value: '{{repl LicenseProperty "assignee"}}'
            - name: APP_ID
              value: '{{repl AppID}}'
            - name: VERSIONS
              value: '{{repl AppVersion}} {{repl AppVersionFirst}} {{repl AppVersionCurrent}}'
        """.formatted(app, version, var, value));
  }

  private static String env(String container) throws Exception {
    return String.join("\n", new ObjectMapper().readValue(
        DockerCli.inspect(container, "{{json .Config.Env}}"), String[].class));
  }

  private static void awaitState(ServedDaemon daemon, String state) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
        () -> daemon.status().path("state").asText().equals(state));
  }
}
