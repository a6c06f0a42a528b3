package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tugboat.config.SecretSearch;
import dev.tugboat.files.TarGzFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A support bundle as an operator makes one, from the built jar on the real engine: the daemon
 * runs the migration sample, {@code tugboat support-bundle} saves the bundle in the current
 * directory under the name the daemon gives it, and no file in it shows the generated database
 * password (read from the daemon's settings) in any form the masker knows, nor the API token,
 * nor the Integration API secret the containers were given (read from their env);
 * the files an engineer opens first are there with Docker's and the database's own words.
 */
class SupportBundleIT {

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("it-support");
  private final String volume = app + "-pgdata";
  private TugboatProcess daemon;

  @AfterEach
  void removeEverything() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    DockerCli.removeApp(app, volume);
  }

  @Test
  void theBundleOfTheMigrationDemoHoldsWhatSupportNeedsAndNoFormOfThePassword() throws Exception {
    Map<String, String> unique = new LinkedHashMap<>();
    unique.put("name: Tugboat Migration Demo", "name: " + app);
    unique.put("host_path: tugboat-demo-pgdata", "host_path: " + volume);
    unique.put("public_port: \"5432\"", "public_port: \"" + TestSpecs.freePort() + "\"");
    int appPort = TestSpecs.freePort();
    unique.put("public_port: \"8000\"", "public_port: \"" + appPort + "\"");
    unique.put(":8000/health", ":" + appPort + "/health");
    String sample = Files.readString(Path.of("samples", "migration-app.yml"));
    for (Map.Entry<String, String> replacement : unique.entrySet()) {
      assertThat(sample).contains(replacement.getKey());
      sample = sample.replace(replacement.getKey(), replacement.getValue());
    }
    Path spec = Files.writeString(dir.resolve("migration-app.yml"), sample);
    int apiPort = TestSpecs.freePort();
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + apiPort + "\nstate_dir: state\napp: " + spec
        + "\nintegration_port: " + TestSpecs.freePort() + "\n");
    daemon = TugboatProcess.start("serve", "--config", config.toString());
    awaitStarted(config);
    String password = new ObjectMapper().readTree(dir.resolve("state/settings.json").toFile())
        .path("items").path("db_password").path("value").asText();
    assertThat(password).hasSize(32);
    String token = Files.readString(dir.resolve("state/token")).strip();
    String db = "containers/tugboat-" + app + "-db-postgres-1/";
    String integrationSecret = integrationSecretOf("tugboat-" + app + "-db-postgres-1");

    Path operator = Files.createDirectories(dir.resolve("operator"));
    long began = System.nanoTime();
    String written;
    try (TugboatProcess bundle = TugboatProcess.startIn(operator, "support-bundle", "--config",
        config.toString())) {
      assertThat(bundle.awaitExit(Duration.ofSeconds(120))).as(bundle.stderr()).isZero();
      written = bundle.stdout();
    }
    Matcher wrote = Pattern.compile("^wrote (tugboat-support-" + Pattern.quote(app)
        + "-\\d{8}-\\d{6}\\.tar\\.gz) \\(.+, (\\d+) bytes\\)\n?$").matcher(written);
    assertThat(wrote.find()).as(written).isTrue();
    Path archive = operator.resolve(wrote.group(1));
    assertThat(Files.size(archive)).isEqualTo(Long.parseLong(wrote.group(2)));
    System.out.printf("support bundle: %d bytes in %.1f s%n", Files.size(archive),
        (System.nanoTime() - began) / 1e9);

    Map<String, String> files = TarGzFiles.read(archive);
    assertThat(SecretSearch.found(password, files)).isEmpty();
    assertThat(SecretSearch.found(token, files)).isEmpty();
    assertThat(SecretSearch.found(integrationSecret, files)).isEmpty();

    String top = wrote.group(1).replace(".tar.gz", "") + "/";
    System.out.println(files.get(top + "README.txt"));
    assertThat(files.keySet().iterator().next()).isEqualTo(top + "README.txt");
    for (String name : List.of("README.txt", "status.json", "events.json", "history.json",
        "config.json", "preflight.json", "daemon.log", "host.txt", "spec.yml", "settings.json",
        "daemon-config.json", "docker/info.json", "docker/version.json", db + "inspect.json",
        db + "logs.txt")) {
      assertThat(files.get(top + name)).as(name + " in " + files.keySet()).isNotBlank();
    }
    assertThat(files.get(top + db + "logs.txt"))
        .contains("database system is ready to accept connections");
    // the sample's support_files and support_commands, read and run in the database's container
    assertThat(files.get(top + db + "files/var/lib/postgresql/data/postgresql.auto.conf"))
        .contains("Do not edit this file manually");
    assertThat(files.get(top + db + "commands/pg_isready.txt")).contains("accepting connections");
    assertThat(new ObjectMapper().readTree(files.get(top + "docker/version.json"))
        .path("ApiVersion").asText()).isNotEmpty();
    assertThat(new ObjectMapper().readTree(files.get(top + "status.json")).path("state").asText())
        .isEqualTo("started");
    assertThat(files.get(top + "settings.json")).contains("\"value\" : \"********\"");
    JsonNode inspect = new ObjectMapper().readTree(files.get(top + db + "inspect.json"));
    List<String> env = new ArrayList<>();
    inspect.path("Config").path("Env").forEach(entry -> env.add(entry.asText()));
    assertThat(env).contains("POSTGRES_USER=demo")
        .noneMatch(entry -> entry.startsWith("POSTGRES_PASSWORD"));
    assertThat(inspect.path("State").path("Running").asBoolean()).isTrue();
    assertThat(Files.list(dir.resolve("state/support")).filter(f -> f.toString()
        .endsWith(".tar.gz")).toList()).as("the daemon deletes a bundle once sent").isEmpty();

    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + apiPort + "/api/v1/support-bundle")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  /** The run's secret at the end of the Integration API address the container was given. */
  private static String integrationSecretOf(String container) throws Exception {
    String env = DockerCli.inspect(container, "{{range .Config.Env}}{{println .}}{{end}}");
    String address = env.lines().filter(line -> line.startsWith("TUGBOAT_INTEGRATIONAPI="))
        .findFirst().orElseThrow(() -> new AssertionError("no TUGBOAT_INTEGRATIONAPI in " + env));
    String secret = address.substring(address.lastIndexOf('/') + 1);
    assertThat(secret).hasSize(32);
    return secret;
  }

  private void awaitStarted(Path config) {
    await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> {
      CliRun run = CliRun.of("status", "--json", "--config", config.toString());
      if (run.exitCode() != 0) {
        return false;
      }
      JsonNode status = new ObjectMapper().readTree(run.out());
      assertThat(status.path("state").asText()).as(run.out()).isNotEqualTo("failed");
      return status.path("state").asText().equals("started");
    });
  }
}
