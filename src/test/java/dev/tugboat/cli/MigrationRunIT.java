package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's reason to exist, from the built jar on the real engine: PostgreSQL, then the
 * migration once PostgreSQL accepts connections, then the app once the migration exited 0; checked
 * with Docker's own timestamps, and the app answers.
 */
class MigrationRunIT {

  private final String app = TestSpecs.uniqueApp("it-migration");
  private final String volume = app + "-pgdata";

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app, volume);
  }

  @Test
  void migrationRunsBetweenTheDatabaseAndTheAppAndTheAppAnswers(@TempDir Path dir) throws Exception {
    int appPort = TestSpecs.freePort();
    Path spec = TestSpecs.write(dir, "migration.yml", Map.of("APP", app, "VOLUME", volume,
        "PG_PORT", String.valueOf(TestSpecs.freePort()), "APP_PORT", String.valueOf(appPort)));

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(),
        "--set", "db_password=it-secret")) {
      tugboat.awaitLine(line -> line.contains("app started"), Duration.ofSeconds(240));

      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + "/"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);

      tugboat.terminate();
      assertThat(tugboat.awaitExit(Duration.ofSeconds(60))).as(tugboat.stdout()).isZero();
      assertThat(tugboat.stdout()).contains("run ended: stopped");
    }

    String db = "tugboat-" + app + "-db-postgres-1";
    String migration = "tugboat-" + app + "-migration-app-1";
    String web = "tugboat-" + app + "-app-app-1";
    Instant postgresReady = DockerCli.lastLineTime(db, "ready to accept connections");
    assertThat(DockerCli.startedAt(migration)).isAfter(postgresReady);
    assertThat(DockerCli.exitCode(migration)).isZero();
    assertThat(DockerCli.startedAt(web)).isAfter(DockerCli.finishedAt(migration));
  }
}
