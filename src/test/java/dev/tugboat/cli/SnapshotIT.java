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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data that survives an upgrade, from the built jar on the real engine: the daemon runs the
 * migration sample (version 1) and an operator adds a row; {@code tugboat apply} of version 2
 * takes a snapshot of the database volume before version 2's migration changes the schema and
 * rows; {@code tugboat rollback --data} brings version 1's schema and rows back, and version 1
 * serves them. Then by hand: {@code snapshot create --stop} stops, copies and starts the app again,
 * and {@code snapshot restore} puts that data back.
 */
class SnapshotIT {

  private static final Pattern TAKEN = Pattern.compile(
      "snapshot (\\S+) of the data taken: 1 volume, [0-9.]+ (B|KiB|MiB) in [0-9.]+ s");

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("it-snapshot");
  private final String volume = app + "-pgdata";
  private final String database = "tugboat-" + app + "-db-postgres-1";
  private TugboatProcess daemon;
  private int appPort;

  @AfterEach
  void removeEverything() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    DockerCli.removeApp(app, volume);
  }

  @Test
  void rollbackWithDataBringsBackVersionOnesSchemaAndRowsAndVersionOneServesThem()
      throws Exception {
    Map<String, String> unique = new LinkedHashMap<>();
    unique.put("name: Tugboat Migration Demo", "name: " + app);
    unique.put("host_path: tugboat-demo-pgdata", "host_path: " + volume);
    unique.put("public_port: \"5432\"", "public_port: \"" + TestSpecs.freePort() + "\"");
    appPort = TestSpecs.freePort();
    unique.put("public_port: \"8000\"", "public_port: \"" + appPort + "\"");
    unique.put(":8000/health", ":" + appPort + "/health");
    Path v1 = sample("migration-app.yml", unique);
    Path v2 = sample("migration-app-v2.yml", unique);
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + TestSpecs.freePort() + "\nstate_dir: state\n"
        + "app: " + v1 + "\nintegration_port: " + TestSpecs.freePort() + "\nsnapshots_kept: 2\n");
    daemon = TugboatProcess.start("serve", "--config", config.toString());
    awaitStarted(config, "1");
    sql("INSERT INTO greetings (message) VALUES ('Kept by the snapshot')");

    CliRun refused = CliRun.of("snapshot", "create", "--config", config.toString());
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("a consistent snapshot needs it stopped")
        .contains("tugboat snapshot create --stop");

    String snapshot;
    try (TugboatProcess apply = TugboatProcess.start("apply", v2.toString(), "--config",
        config.toString())) {
      assertThat(apply.awaitExit(Duration.ofSeconds(300))).as(apply.stdout() + apply.stderr())
          .isZero();
      Matcher taken = TAKEN.matcher(apply.stdout());
      assertThat(taken.find()).as(apply.stdout()).isTrue();
      snapshot = taken.group(1);
      System.out.println("apply with its snapshot: " + taken.group());
    }
    awaitStarted(config, "2");
    assertThat(sql("SELECT version FROM schema_migrations ORDER BY version")).isEqualTo("1\n2");
    assertThat(sql("SELECT message, language FROM greetings ORDER BY id")).contains(
        "Kept by the snapshot|en", "Bonjour de Tugboat|fr");
    sql("INSERT INTO greetings (message, language) VALUES ('Written by version 2', 'en')");

    Path kept = dir.resolve("state/snapshots/" + snapshot);
    JsonNode manifest = new ObjectMapper().readTree(kept.resolve("manifest.json").toFile());
    assertThat(manifest.path("app").asText()).isEqualTo(app);
    assertThat(manifest.path("version").asText()).isEqualTo("1");
    assertThat(manifest.path("cause").asText()).isEqualTo("apply");
    JsonNode data = manifest.path("volumes").get(0);
    assertThat(data.path("name").asText()).isEqualTo(volume);
    assertThat(data.path("kind").asText()).isEqualTo("named-volume");
    assertThat(data.path("path").asText()).isEqualTo("/var/lib/postgresql/data");
    assertThat(data.path("mode").asText()).isEqualTo("0700");
    assertThat(data.path("sha256").asText()).matches("[0-9a-f]{64}");
    assertThat(Files.readString(kept.resolve("spec.yml"))).isEqualTo(Files.readString(v1));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        kept.resolve("settings.json")))).isEqualTo("rw-------");

    try (TugboatProcess list = TugboatProcess.start("snapshot", "list", "--config",
        config.toString())) {
      assertThat(list.awaitExit(Duration.ofSeconds(60))).isZero();
      assertThat(list.stdout()).contains(snapshot).contains(app + " 1")
          .contains("before the upgrade to " + app + " 2")
          .contains("named-volume " + volume + " (/var/lib/postgresql/data)");
    }

    long began = System.nanoTime();
    try (TugboatProcess rollback = TugboatProcess.start("rollback", "--data", "--config",
        config.toString())) {
      assertThat(rollback.awaitExit(Duration.ofSeconds(300)))
          .as(rollback.stdout() + rollback.stderr()).isZero();
      System.out.printf("rollback --data, until started: %.1f s%n",
          (System.nanoTime() - began) / 1e9);
      assertThat(rollback.stdout()).startsWith(app + " 2 -> " + app + " 1\n")
          .contains("restored the data of snapshot " + snapshot + " (1 volume, ")
          .containsPattern("\n" + app + " 1 \\(run [^)]+\\): started$");
    }
    awaitStarted(config, "1");
    assertThat(sql("SELECT version, name FROM schema_migrations ORDER BY version"))
        .isEqualTo("1|0001_create_greetings.sql");
    assertThat(sql("SELECT column_name FROM information_schema.columns WHERE table_name ="
        + " 'greetings' ORDER BY ordinal_position")).isEqualTo("id\nmessage");
    assertThat(sql("SELECT message FROM greetings ORDER BY id")).isEqualTo("Hello from Tugboat\n"
        + "This page was served after the database had been migrated\nKept by the snapshot");
    String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + appPort + "/")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(page).contains("Tugboat demo app, version 1").contains("Schema version 1")
        .contains("Kept by the snapshot").doesNotContain("Bonjour")
        .doesNotContain("Written by version 2");

    // by hand: a running app is stopped, copied and started again; a restore puts that data back
    String byHand;
    try (TugboatProcess create = TugboatProcess.start("snapshot", "create", "--stop",
        "--config", config.toString())) {
      assertThat(create.awaitExit(Duration.ofSeconds(300))).as(create.stdout() + create.stderr())
          .isZero();
      Matcher taken = Pattern.compile("snapshot (\\S+) taken: 1 volume, ").matcher(create.stdout());
      assertThat(taken.find()).as(create.stdout()).isTrue();
      byHand = taken.group(1);
      assertThat(create.stdout()).startsWith("stopped run ").contains("; started run ");
    }
    awaitStarted(config, "1");
    sql("DELETE FROM greetings WHERE message = 'Kept by the snapshot'");
    try (TugboatProcess restore = TugboatProcess.start("snapshot", "restore", byHand,
        "--config", config.toString())) {
      assertThat(restore.awaitExit(Duration.ofSeconds(300)))
          .as(restore.stdout() + restore.stderr()).isZero();
      assertThat(restore.stdout()).contains("restored snapshot " + byHand + " (1 volume, ")
          .contains("the spec in use was " + app + " 1 already, with the same settings");
    }
    awaitStarted(config, "1");
    assertThat(sql("SELECT message FROM greetings ORDER BY id")).endsWith("Kept by the snapshot");
    CliRun list = CliRun.of("snapshot", "list", "--json", "--config", config.toString());
    assertThat(new ObjectMapper().readTree(list.out()).path("snapshots").size())
        .as("snapshots_kept: 2").isEqualTo(2);
  }

  private Path sample(String name, Map<String, String> replacements) throws IOException {
    String text = Files.readString(Path.of("samples", name));
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      assertThat(text).as("samples/" + name).contains(replacement.getKey());
      text = text.replace(replacement.getKey(), replacement.getValue());
    }
    return Files.writeString(dir.resolve(name), text);
  }

  /** Until the daemon shows {@code version} started; a failure ends the wait at once. */
  private void awaitStarted(Path config, String version) {
    await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> {
      CliRun run = CliRun.of("status", "--json", "--config", config.toString());
      if (run.exitCode() != 0) {
        return false;
      }
      JsonNode status = new ObjectMapper().readTree(run.out());
      assertThat(status.path("state").asText()).as(run.out()).isNotEqualTo("failed");
      return status.path("app").path("version").asText().equals(version)
          && status.path("state").asText().equals("started");
    });
  }

  private String sql(String query) throws IOException, InterruptedException {
    return DockerCli.run("exec", database, "psql", "-X", "-q", "-A", "-t", "-U", "demo", "-d",
        "demo", "-c", query);
  }
}
