package dev.tugboat.runtime.docker;

import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerConfigBuilder;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerRuntimeContract;
import dev.tugboat.runtime.ExecRequest;
import java.time.Duration;
import java.util.List;
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

  private final List<String> ownImages = new java.util.ArrayList<>();

  @AfterEach
  void removeContainersAndImages() throws Exception {
    docker.close();
    for (String image : ownImages) {
      new ProcessBuilder("docker", "rmi", "-f", image).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
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
  protected String imageOfOurOwn(String shortName) {
    // A commit makes an image whose only reference this is: a second tag of a shared image
    // would be untagged even while a container uses it.
    String image = docker.name(shortName) + ":1";
    String source = docker.name(shortName + "-source");
    ownImages.add(image);
    try {
      for (List<String> step : List.of(
          List.of("docker", "create", "--name", source, DockerTestContainers.IMAGE, "true"),
          List.of("docker", "commit", source, image), List.of("docker", "rm", source))) {
        Process process = new ProcessBuilder(step).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        org.assertj.core.api.Assertions.assertThat(process.waitFor()).as(step.toString()).isZero();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return image;
  }

  @Override
  protected String fileContent(ContainerId id, String path) {
    return docker.runtime.exec(id, ExecRequest.of("cat", path)).output();
  }
}
