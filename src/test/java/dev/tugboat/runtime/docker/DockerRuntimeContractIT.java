package dev.tugboat.runtime.docker;

import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerConfigBuilder;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerRuntimeContract;
import dev.tugboat.runtime.ExecRequest;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;

/**
 * The Docker Engine keeps the contract the in-memory runtime is held to, with the locally built
 * {@code tugboat-test/busybox:1} and labels unique to each test.
 */
class DockerRuntimeContractIT extends ContainerRuntimeContract {

  private final DockerTestContainers docker = new DockerTestContainers();

  @AfterEach
  void removeContainers() {
    docker.close();
  }

  @Override
  protected ContainerRuntime runtime() {
    return docker.runtime;
  }

  @Override
  protected Map<String, String> labels() {
    return docker.runLabels();
  }

  @Override
  protected String name(String shortName) {
    return docker.name(shortName);
  }

  @Override
  protected ContainerConfigBuilder service(String shortName) {
    // PID 1 gets no default signal handlers: the trap is what makes SIGTERM end it with 143.
    return docker.config(shortName, "sh", "-c", "trap 'exit 143' TERM; echo ready; sleep 300 & wait");
  }

  @Override
  protected ContainerConfigBuilder ignoringSigterm(String shortName) {
    return docker.config(shortName, "sleep", "300");
  }

  @Override
  protected ContainerConfigBuilder writesThenExits(String shortName, int code, String... lines) {
    String echoes = Stream.of(lines).map(line -> "echo " + line + "; ")
        .collect(Collectors.joining());
    return docker.config(shortName, "sh", "-c", echoes + "exit " + code);
  }

  @Override
  protected void eventually(BooleanSupplier condition) {
    await().atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
  }

  @Override
  protected String fileContent(ContainerId id, String path) {
    return docker.runtime.exec(id, ExecRequest.of("cat", path)).output();
  }
}
