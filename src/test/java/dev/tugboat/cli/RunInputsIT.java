package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tugboat config set} says a restart applies the change: the app's restart, not the
 * daemon's. Killed with SIGKILL and started again, the daemon goes on with the run as it started,
 * with its settings; a container that run creates afterwards gets the old value, and the app's
 * restart brings the new one.
 */
class RunInputsIT {

  private static final Duration SETTLE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("run-inputs");
  private ServedDaemon daemon;

  @AfterEach
  void removeEverything() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    DockerCli.removeApp(app);
  }

  @Test
  void aRunResumedByARestartedDaemonKeepsItsSettingsAndTheAppsRestartAppliesNewOnes()
      throws Exception {
    Path spec = dir.resolve("app.yml");
    Files.writeString(spec, spec());
    int port = TestSpecs.freePort();
    String base = "http://127.0.0.1:" + port;
    Path state = dir.resolve("state");
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\napp: app.yml\n"
        + "integration_port: " + TestSpecs.freePort() + "\n");

    daemon = ServedDaemon.serve(config, state, base);
    String firstJob = awaitRunning("job", "");
    CliRun set = CliRun.of("config", "set", spec.toString(), "greeting=bye", "--settings",
        state.resolve("settings.json").toString());
    assertThat(set.exitCode()).as(set.err()).isZero();
    daemon.kill();

    daemon = ServedDaemon.serve(config, state, base);
    DockerCli.run("exec", firstJob, "touch", "/tmp/go");
    assertThat(daemon.awaitSettled(SETTLE).path("state").asText()).as(daemon.output())
        .isEqualTo("started");
    assertThat(env(awaitRunning("web", ""))).as("the run goes on with its own settings")
        .contains("GREETING=hello");

    CliRun restart = daemon.cli("restart");
    assertThat(restart.exitCode()).as(restart.err()).isZero();
    String secondJob = awaitRunning("job", firstJob);
    DockerCli.run("exec", secondJob, "touch", "/tmp/go");
    assertThat(daemon.awaitSettled(SETTLE).path("state").asText()).as(daemon.output())
        .isEqualTo("started");
    assertThat(env(awaitRunning("web", ""))).as("the app's restart applies the new settings")
        .contains("GREETING=bye");
  }

  /** web starts when job stops, and job stops when the test says so: after the daemon's restart. */
  private String spec() {
    return """
        replicated_api_version: 2.8.0
        name: "%s"
        version: "1"
        config:
        - name: main
          items:
          - {name: greeting, type: text, default: hello}
        components:
        - name: job
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: 1
            ephemeral: true
            cmd: '["sh", "-c", "while [ ! -e /tmp/go ]; do sleep 0.2; done"]'
            publish_events:
            - name: job done
              trigger: container-stop
              timeout: -1
              subscriptions:
              - component: web
                container: tugboat-test/busybox
                action: start
        - name: web
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: 1
            cmd: '["sh", "-c", "trap \\"exit 0\\" TERM; while true; do sleep 0.2; done"]'
            env_vars:
            - {name: GREETING, value: '{{repl ConfigOption "greeting"}}'}
        """.formatted(app);
  }

  /** The id of the running container of {@code component} that is not {@code other}. */
  private String awaitRunning(String component, String other) {
    String[] found = new String[1];
    Awaitility.await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() -> {
      String ids = DockerCli.run("ps", "--filter", "label=dev.tugboat.app=" + app, "--filter",
          "label=dev.tugboat.component=" + component, "--format", "{{.ID}}");
      for (String id : ids.split("\n")) {
        if (!id.isBlank() && !id.equals(other)) {
          found[0] = id;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private static String env(String container) throws IOException, InterruptedException {
    return DockerCli.inspect(container, "{{json .Config.Env}}");
  }
}
