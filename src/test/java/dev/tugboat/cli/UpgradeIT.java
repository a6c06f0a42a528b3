package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade as an operator does it, from the built jar on the real engine: the daemon runs the
 * migration sample (version 1), {@code tugboat apply} moves it to version 2, whose migration adds a
 * second schema change on the same database volume; the database itself shows each migration
 * applied once, and {@code tugboat history} shows both runs. Then an upgrade to a version whose
 * app cannot start fails, is stopped, and a rollback brings version 2 back, and with it the removal
 * of version 1's app image, which neither version 2 nor the failed version 3 names. The app image
 * is the demo's under names of this test's own, so no other test loses it.
 */
class UpgradeIT {

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("it-upgrade");
  private final String volume = app + "-pgdata";
  private final String database = "tugboat-" + app + "-db-postgres-1";
  private final String image = app + "/app";
  private TugboatProcess daemon;

  @AfterEach
  void removeEverything() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    DockerCli.removeApp(app, volume);
    for (String tag : new String[] {image + ":1", image + ":2"}) {
      if (imagePresent(tag)) {
        DockerCli.run("rmi", tag);
      }
    }
  }

  @Test
  void applyUpgradesTheSampleAndItsDatabaseAndAFailedUpgradeIsRolledBack() throws Exception {
    Map<String, String> unique = new LinkedHashMap<>();
    unique.put("name: Tugboat Migration Demo", "name: " + app);
    unique.put("host_path: tugboat-demo-pgdata", "host_path: " + volume);
    unique.put("public_port: \"5432\"", "public_port: \"" + TestSpecs.freePort() + "\"");
    int appPort = TestSpecs.freePort();
    unique.put("public_port: \"8000\"", "public_port: \"" + appPort + "\"");
    unique.put(":8000/health", ":" + appPort + "/health");
    unique.put("tugboat-demo/app", image);
    DockerCli.run("tag", "tugboat-demo/app:1", image + ":1");
    DockerCli.run("tag", "tugboat-demo/app:2", image + ":2");
    Path v1 = sample("migration-app.yml", unique);
    Path v2 = sample("migration-app-v2.yml", unique);
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + TestSpecs.freePort() + "\nstate_dir: state\n"
        + "app: " + v1 + "\nintegration_port: " + TestSpecs.freePort() + "\n");

    daemon = TugboatProcess.start("serve", "--config", config.toString());
    awaitStarted(config, "1");
    assertThat(sql("SELECT app_version, applied FROM migration_runs ORDER BY id"))
        .isEqualTo("1|{1}");

    long began = System.nanoTime();
    try (TugboatProcess apply = TugboatProcess.start("apply", v2.toString(), "--config",
        config.toString())) {
      int exit = apply.awaitExit(Duration.ofSeconds(300));
      System.out.printf("apply of version 2, until started: %.1f s%n",
          (System.nanoTime() - began) / 1e9);
      assertThat(exit).as(apply.stdout() + apply.stderr()).isZero();
      assertThat(apply.stdout())
          .startsWith(app + " 1 -> " + app + " 2\n")
          .contains("  ~ container migration/" + image + ": image " + image + ":1 -> " + image
              + ":2\n")
          .contains("  ~ container app/" + image + ": image " + image + ":1 -> " + image
              + ":2\n")
          .containsPattern("\n" + app + " 2 \\(run [^)]+\\): started$");
    }
    awaitStarted(config, "2");
    assertThat(sql("SELECT version, name FROM schema_migrations ORDER BY version")).isEqualTo(
        "1|0001_create_greetings.sql\n2|0002_add_greeting_language.sql");
    assertThat(sql("SELECT app_version, applied FROM migration_runs ORDER BY id"))
        .as("each migration applied once: version 2 skips the first")
        .isEqualTo("1|{1}\n2|{2}");
    // the spec a rollback returns to: kept by content, named by the pointer
    String previous = new ObjectMapper().readTree(dir.resolve("state/spec/state.json").toFile())
        .path("previous").asText();
    assertThat(previous).startsWith("sha256:");
    assertThat(Files.readString(dir.resolve("state/inputs/sha256-"
        + previous.substring("sha256:".length()) + ".yml"))).isEqualTo(Files.readString(v1));

    CliRun history = CliRun.of("history", "--config", config.toString());
    assertThat(history.exitCode()).isZero();
    assertThat(history.out().split("\n")).hasSize(3);
    assertThat(history.out().split("\n")[1]).containsPattern(app + " 2 .* started$");
    assertThat(history.out().split("\n")[2]).containsPattern(app + " 1 .* stopped$");

    Path broken = Files.writeString(dir.resolve("migration-app-v3.yml"), Files.readString(v2)
        .replace("version: \"2\"", "version: \"3\"").replace("cmd: '[\"serve\"]'",
            "cmd: '[\"no-such-command\"]'"));
    try (TugboatProcess apply = TugboatProcess.start("apply", broken.toString(), "--config",
        config.toString())) {
      assertThat(apply.awaitExit(Duration.ofSeconds(300))).as(apply.stdout()).isEqualTo(1);
      // the failure as the run reported it, or once the daemon stopped the run, with its context
      assertThat(apply.stderr()).contains(app + " 3 (run ").contains("): failed: ")
          .contains("app/" + image + " exited with code 2")
          .contains("tugboat rollback returns to " + app + " 2");
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> DockerCli.run("ps", "--filter",
        "label=dev.tugboat.app=" + app, "-q").isEmpty());

    CliRun rollback = CliRun.of("rollback", "--config", config.toString());
    assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
    assertThat(rollback.out()).startsWith(app + " 3 -> " + app + " 2\n");
    awaitStarted(config, "2");
    assertThat(sql("SELECT app_version, applied FROM migration_runs ORDER BY id"))
        .isEqualTo("1|{1}\n2|{2}\n2|{}\n2|{}");
    String[] runs = CliRun.of("history", "--config", config.toString()).out().split("\n");
    assertThat(runs).hasSize(5);
    assertThat(runs[1]).containsPattern(app + " 2 .* started$");
    assertThat(runs[2]).containsPattern(app + " 3 .* failed +app/" + image
        + " exited with code 2 .*");
    // Started again, version 2 leaves version 1's image behind: it is removed, the rest kept.
    await().atMost(Duration.ofSeconds(30)).until(() -> !imagePresent(image + ":1"));
    assertThat(imagePresent(image + ":2")).isTrue();
    assertThat(imagePresent("tugboat-demo/app:1")).isTrue();
    assertThat(imagePresent("tugboat-demo/postgres:15")).isTrue();
    assertThat(Files.readString(dir.resolve("state/images.json"))).doesNotContain(image + ":1")
        .contains(image + ":2");
    assertThat(runs[3]).containsPattern(app + " 2 .* stopped$");
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

  private static boolean imagePresent(String reference) throws IOException, InterruptedException {
    return !DockerCli.run("images", "-q", reference).isBlank();
  }

  private String sql(String query) throws IOException, InterruptedException {
    return DockerCli.run("exec", database, "psql", "-X", "-q", "-A", "-t", "-U", "demo", "-d",
        "demo", "-c", query);
  }
}
