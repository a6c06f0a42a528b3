package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.runtime.RecordedEvents;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.StreamEnd;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerFailuresIT {
  private final DockerTestContainers docker = new DockerTestContainers();
  private final DockerRuntime runtime = docker.runtime;

  @AfterEach
  void removeContainers() {
    docker.close();
  }

  private static RuntimeFailure.Kind kind(Throwable e) {
    return ((RuntimeFailure) e).kind();
  }

  @Test
  void missingImageNamesTheImageAndHowToLoadIt() {
    ContainerConfig missing = docker.configOf("tugboat-test/missing:404", "noimage", "true").build();
    assertThatThrownBy(() -> runtime.create(missing))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage("image tugboat-test/missing:404 is not on this host: load it with"
            + " `docker load -i FILE` (FILE: the image archive shipped with the application),"
            + " or make its registry reachable so it can be pulled")
        .satisfies(e -> assertThat(kind(e)).isEqualTo(RuntimeFailure.Kind.IMAGE_NOT_FOUND));
  }

  @Test
  void aHostPortAlreadyAllocatedIsNamed() throws IOException {
    int port = freePort();
    docker.createAndStart(docker.config("holder", "sleep", "300")
        .addPort(PortMapping.published(8080, Protocol.TCP, port)));
    ContainerId second = runtime.create(docker.config("taker", "sleep", "300")
        .addPort(PortMapping.published(8080, Protocol.TCP, port)).build());

    assertThatThrownBy(() -> runtime.start(second))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageStartingWith("cannot start " + docker.name("taker") + ": host port 0.0.0.0:" + port
            + " is already in use (")
        .hasMessageContaining("port is already allocated")
        .hasMessageEndingWith("): stop what holds it, or publish the container on another host port")
        .satisfies(e -> assertThat(kind(e)).isEqualTo(RuntimeFailure.Kind.PORT_ALREADY_ALLOCATED));
  }

  @Test
  void aTakenNameNamesTheContainerHoldingIt() {
    ContainerId first = runtime.create(docker.config("twin", "true").build());
    assertThatThrownBy(() -> runtime.create(docker.config("twin", "true").build()))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessage("container name \"" + docker.name("twin") + "\" is already in use by container "
            + first.shortForm() + ": remove or rename that container")
        .satisfies(e -> assertThat(kind(e)).isEqualTo(RuntimeFailure.Kind.NAME_CONFLICT));
  }

  @Test
  void anUnreachableDaemonIsNamedAndNeverMistakenForAStoppedContainer() {
    DockerHost nowhere = DockerHost.resolve(Optional.empty(),
        Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));
    try (DockerRuntime unreachable = DockerRuntime.connect(nowhere)) {
      assertThatThrownBy(unreachable::ping)
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageStartingWith("cannot reach Docker at unix:///nonexistent/docker.sock: ")
          .hasMessageEndingWith(" (is the Docker daemon running, and may this user use it?"
              + " DOCKER_HOST selects another engine)")
          .satisfies(e -> assertThat(kind(e)).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE));
      assertThatThrownBy(() -> unreachable.inspect(ContainerId.of("db")))
          .satisfies(e -> assertThat(kind(e)).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE));
      assertThatThrownBy(() -> unreachable.listByLabels(Map.of("a", "b")))
          .satisfies(e -> assertThat(kind(e)).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE));
      RecordedEvents recorder = new RecordedEvents();
      unreachable.subscribe(EventFilter.all(), recorder);
      await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.ends.isEmpty());
      assertThat(recorder.ends).singleElement()
          .isInstanceOfSatisfying(StreamEnd.Failed.class, failed -> assertThat(failed.failure())
              .hasMessageStartingWith("cannot reach Docker at unix:///nonexistent/docker.sock: ")
              .satisfies(e -> assertThat(kind(e)).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE)));
    }
  }

  @Test
  void operationsOnAMissingContainerSaySo() {
    ContainerId ghost = ContainerId.of(docker.name("ghost"));
    assertThat(runtime.inspect(ghost)).isEmpty();
    assertThatThrownBy(() -> runtime.start(ghost))
        .hasMessage("no such container: " + ghost)
        .satisfies(e -> assertThat(kind(e)).isEqualTo(RuntimeFailure.Kind.NO_SUCH_CONTAINER));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
