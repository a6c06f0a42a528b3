package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code source: replicated} image pulled from a private registry (a real Distribution registry
 * with TLS and a login: {@link TestRegistry}) with the user and password_file of the daemon
 * config that {@code tugboat run --config} reads, as the daemon reads it.
 */
class RegistryPullIT {

  private static final String USER = "vendor-customer";
  private static final String PASSWORD = "registry-pass-7f3e";

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("it-registry");
  private TestRegistry registry;
  private String image;

  @BeforeEach
  void registryWithTheVendorsImage() throws Exception {
    registry = TestRegistry.start(dir.resolve("registry"), USER, PASSWORD);
    registry.push("tugboat-test/busybox:1", "vendor/" + app + ":1", USER, PASSWORD);
    image = registry.host() + "/vendor/" + app + ":1";
  }

  @AfterEach
  void removeContainersAndRegistry() throws Exception {
    DockerCli.removeApp(app);
    if (registry != null) {
      registry.close();
    }
  }

  private Path spec() throws Exception {
    return Files.writeString(dir.resolve("app.yml"), """
        replicated_api_version: 2.8.0
        name: "%s"
        version: "1"
        components:
        - name: web
          containers:
          - source: replicated
            image_name: %s
            version: "1"
            cmd: '["sh", "-c", "trap \\"exit 0\\" TERM; while true; do sleep 0.2; done"]'
        """.formatted(app, app));
  }

  /** The daemon config: the registry for {@code source: replicated}, its password in a file. */
  private Path config(String password) throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("registry-password"), password + "\n");
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    return Files.writeString(dir.resolve("tugboat.yml"), """
        registries:
          replicated:
            address: %s/vendor
            user: %s
            password_file: registry-password
        """.formatted(registry.host(), USER));
  }

  @Test
  void theImageIsPulledWithTheConfiguredLoginAndRuns() throws Exception {
    assertThat(DockerCli.run("image", "ls", "-q", image)).as("pulled before the run").isEmpty();

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec().toString(),
        "--config", config(PASSWORD).toString(), "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(180)))
          .as(tugboat.stdout() + tugboat.stderr() + "\nregistry log:\n" + registry.log()).isZero();
      assertThat(tugboat.stdout()).contains("app started in").doesNotContain(PASSWORD);
      assertThat(tugboat.stderr()).doesNotContain(PASSWORD);
    }
    assertThat(DockerCli.inspect("tugboat-" + app + "-web-" + app + "-1", "{{.Config.Image}}"))
        .isEqualTo(image);
    // The pull asked the registry for the tag, logged in (the push only PUT it). The layers are
    // on this host already (tugboat-test/busybox:1), so Docker may fetch nothing more.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.log())
        .containsPattern("\"(HEAD|GET) /v2/vendor/" + app + "/manifests/1 HTTP/[0-9.]+\" 200 "));
  }

  @Test
  void aWrongPasswordIsAPreflightErrorNamingTheRegistryAndNothingIsCreated() throws Exception {
    try (TugboatProcess tugboat = TugboatProcess.start("run", spec().toString(),
        "--config", config("not-the-password").toString())) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stdout()).isEqualTo(1);
      assertThat(tugboat.stderr()).contains("tugboat run: an image is missing; nothing was"
          + " started:\n  " + image + " (for web/" + app + "): registry replicated ("
          + registry.host() + "/vendor) refused user \"" + USER + "\": the registry refused the"
          + " pull of " + image + ": unauthorized: authentication required; check `user` and"
          + " `password_file` of registries.replicated in " + dir.resolve("tugboat.yml"));
      assertThat(tugboat.stdout() + tugboat.stderr()).doesNotContain("not-the-password");
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
    assertThat(DockerCli.run("image", "ls", "-q", image)).isEmpty();
  }

  @Test
  void theDaemonFailsTheStartWithTheRegistrysNameInItsStatusAndLog() throws Exception {
    Path config = config("not-the-password");
    int port = TestSpecs.freePort();
    Files.writeString(config, Files.readString(config) + "listen: 127.0.0.1:" + port
        + "\nstate_dir: state\napp: " + spec() + "\nintegration_port: " + TestSpecs.freePort()
        + "\n");
    String refused = "registry replicated (" + registry.host() + "/vendor) refused user \""
        + USER + "\"";

    try (TugboatProcess daemon = TugboatProcess.start("serve", "--config", config.toString())) {
      daemon.awaitLine(line -> line.contains("cannot start " + app), Duration.ofSeconds(120));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(daemon.stdout())
          .contains("  " + image + " (for web/" + app + "): " + refused)
          .contains("check `user` and `password_file` of registries.replicated in " + config));
      try (TugboatProcess status = TugboatProcess.start("status", "--config", config.toString())) {
        status.awaitExit(Duration.ofSeconds(60));
        assertThat(status.stdout()).contains("failed").contains(refused)
            .doesNotContain("not-the-password");
      }
      assertThat(daemon.stdout() + daemon.stderr()).doesNotContain("not-the-password");
      daemon.terminate();
      daemon.awaitExit(Duration.ofSeconds(60));
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
  }
}
