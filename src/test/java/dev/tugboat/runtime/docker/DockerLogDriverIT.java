package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerLogging;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A spec's log_config reaches the engine as written, and the output stays readable. */
class DockerLogDriverIT {
  private final DockerTestContainers docker = new DockerTestContainers();
  private final DockerRuntime runtime = docker.runtime;

  @AfterEach
  void removeContainers() {
    docker.close();
  }

  @Test
  void aContainerLogsWithTheNamedDriverAndItsOptionsAndItsOutputIsReadBack() throws Exception {
    ContainerId id = docker.createAndStart(docker.config("local", "sh", "-c",
            "echo first; echo second; sleep 300")
        .logging(new ContainerLogging("local", Map.of("max-size", "1m", "max-file", "2"))));

    assertThat(hostConfigLog(id)).isEqualTo(
        "{\"Type\":\"local\",\"Config\":{\"max-file\":\"2\",\"max-size\":\"1m\"}}");
    await().atMost(Duration.ofSeconds(20)).until(() ->
        runtime.logs(id, 10).stream().map(LogLine::text).toList().contains("second"));
  }

  /**
   * docker-java's names of drivers lack logentries (and every plugin's): it is still sent as
   * written, and a container that logs with it is still inspected. Not started: it would reach
   * out to the service.
   */
  @Test
  void aDriverDockerJavaDoesNotNameIsSentAsWrittenAndTheContainerStillInspects() throws Exception {
    ContainerId id = runtime.create(docker.config("logentries", "sleep", "300")
        .logging(new ContainerLogging("logentries", Map.of("logentries-token", "abc")))
        .build());

    assertThat(hostConfigLog(id)).isEqualTo(
        "{\"Type\":\"logentries\",\"Config\":{\"logentries-token\":\"abc\"}}");
    assertThat(runtime.inspect(id)).isPresent();
  }

  @Test
  void theEngineListsTheDriversItHas() {
    assertThat(runtime.engineResources().logDrivers()).contains("json-file", "local", "syslog");
    assertThat(runtime.engineResources().hasLogDriver("none")).isTrue();
    assertThat(runtime.engineResources().hasLogDriver("no-such-driver")).isFalse();
  }

  /** The engine answers for a driver's options: a wrong one fails the create, naming it. */
  @Test
  void anOptionTheDriverDoesNotKnowFailsTheCreateNamingIt() {
    assertThatThrownBy(() -> runtime.create(docker.config("badopt", "sleep", "300")
        .logging(new ContainerLogging("local", Map.of("tag", "shop"))).build()))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("unknown log opt 'tag' for log driver local");
  }

  @Test
  void theOutputOfAContainerThatLogsNowhereIsRefusedWithTheEnginesReason() {
    ContainerId id = docker.createAndStart(docker.config("none", "sh", "-c", "echo x; sleep 300")
        .logging(new ContainerLogging("none", Map.of())));

    assertThatThrownBy(() -> runtime.logs(id, 10))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("does not support reading");
  }

  private static String hostConfigLog(ContainerId id) throws IOException, InterruptedException {
    Process inspect = new ProcessBuilder("docker", "inspect", "--format",
        "{{json .HostConfig.LogConfig}}", id.value()).redirectErrorStream(true).start();
    String out = new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(inspect.waitFor()).as(out).isZero();
    return out;
  }
}
