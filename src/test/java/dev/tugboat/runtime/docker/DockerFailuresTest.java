package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class DockerFailuresTest {
  private final DockerFailures failures = new DockerFailures(new DockerHost(DockerHost.DEFAULT_URI));

  @Test
  void aConnectionFailureIsTheEngineBeingUnreachable() {
    RuntimeFailure failure = failures.of("inspect db",
        new RuntimeException(new IOException("wrapped", new ConnectException("Connection refused"))));
    assertThat(failure.kind()).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE);
    assertThat(failure).hasMessage("cannot reach Docker at unix:///var/run/docker.sock: Connection"
        + " refused (is the Docker daemon running, and may this user use it? DOCKER_HOST selects"
        + " another engine)");
  }

  @Test
  void aNameConflictNamesTheNameAndTheHolder() {
    RuntimeFailure failure = failures.of("create db", new ConflictException("Status 409: {\"message\":"
        + "\"Conflict. The container name \\\"/db\\\" is already in use by container"
        + " \\\"4f2a9c1b7e3d5a6b8c9d0e1f\\\". You have to remove (or rename) that container to be"
        + " able to reuse that name.\"}\n"));
    assertThat(failure.kind()).isEqualTo(RuntimeFailure.Kind.NAME_CONFLICT);
    assertThat(failure).hasMessage(
        "container name \"db\" is already in use by container 4f2a9c1b7e3d: remove or rename that container");
  }

  @Test
  void aPortTakenByAnotherContainerOrProcessIsNamed() {
    RuntimeFailure allocated = failures.of("start web", new InternalServerErrorException(
        "Status 500: {\"message\":\"driver failed programming external connectivity on endpoint web"
            + " (abc): Bind for 0.0.0.0:8080 failed: port is already allocated\"}"));
    assertThat(allocated.kind()).isEqualTo(RuntimeFailure.Kind.PORT_ALREADY_ALLOCATED);
    assertThat(allocated).hasMessageStartingWith("cannot start web: host port 0.0.0.0:8080 is already in use");

    RuntimeFailure inUse = failures.of("start web", new InternalServerErrorException(
        "Status 500: {\"message\":\"driver failed programming external connectivity on endpoint web"
            + " (abc): Error starting userland proxy: listen tcp4 0.0.0.0:9000: bind: address already"
            + " in use\"}"));
    assertThat(inUse.kind()).isEqualTo(RuntimeFailure.Kind.PORT_ALREADY_ALLOCATED);
    assertThat(inUse).hasMessageStartingWith("cannot start web: host port 0.0.0.0:9000 is already in use");
  }

  @Test
  void notFoundAtCreateIsTheImageAndElsewhereTheContainer() {
    RuntimeFailure image = failures.ofCreate("vendor/app:1", "create app",
        new NotFoundException("Status 404: {\"message\":\"No such image: vendor/app:1\"}"));
    assertThat(image.kind()).isEqualTo(RuntimeFailure.Kind.IMAGE_NOT_FOUND);
    assertThat(image).hasMessageStartingWith("image vendor/app:1 is not on this host: load it with `docker load -i FILE`");

    RuntimeFailure container = failures.ofContainer(ContainerId.of("db"), "start db",
        new NotFoundException("Status 404: {\"message\":\"No such container: db\"}"));
    assertThat(container.kind()).isEqualTo(RuntimeFailure.Kind.NO_SUCH_CONTAINER);
    assertThat(container).hasMessage("no such container: db");
  }

  @Test
  void otherRefusalsCarryTheEnginesWords() {
    RuntimeFailure failure = failures.of("create app", new InternalServerErrorException(
        "Status 500: {\"message\":\"invalid mount config\"}"));
    assertThat(failure.kind()).isEqualTo(RuntimeFailure.Kind.ENGINE_ERROR);
    assertThat(failure).hasMessage("Docker refused to create app: invalid mount config");
  }
}
