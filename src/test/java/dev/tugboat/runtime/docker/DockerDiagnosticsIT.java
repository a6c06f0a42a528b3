package dev.tugboat.runtime.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerFile;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.RuntimeFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a support bundle takes from a container on the real engine: a file read out of it through
 * the archive endpoint (running or stopped, cut at a limit), a clear refusal for a file that is not
 * there or is a directory, and a command's output.
 */
class DockerDiagnosticsIT {
  private final DockerTestContainers docker = new DockerTestContainers();
  private final DockerDiagnostics diagnostics = DockerDiagnostics.connect(Optional.empty());

  @AfterEach
  void close() {
    diagnostics.close();
    docker.close();
  }

  @Test
  void aFileIsReadOutOfARunningAndAStoppedContainer() {
    ContainerId id = docker.runtime.create(docker.config("support", "sleep", "300").build());
    docker.runtime.copyFiles(id, List.of(FileToCopy.of("/var/log/app.log",
        "line one\nline two\n".getBytes(UTF_8), 0600)));
    docker.runtime.start(id);

    ContainerFile whole = diagnostics.fileOf(id, "/var/log/app.log", 1024);
    assertThat(new String(whole.content(), UTF_8)).isEqualTo("line one\nline two\n");
    assertThat(whole.cut()).isFalse();
    ContainerFile cut = diagnostics.fileOf(id, "/var/log/app.log", 4);
    assertThat(new String(cut.content(), UTF_8)).isEqualTo("line");
    assertThat(cut.size()).isEqualTo(18);
    assertThat(cut.cut()).isTrue();
    assertThat(diagnostics.exec(id, ExecRequest.of("cat", "/var/log/app.log")).output())
        .isEqualTo("line one\nline two\n");

    assertThatThrownBy(() -> diagnostics.fileOf(id, "/var/log/missing.log", 1024))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("Could not find the file /var/log/missing.log in container");
    assertThatThrownBy(() -> diagnostics.fileOf(id, "/var/log", 1024))
        .isInstanceOf(RuntimeFailure.class).hasMessageContaining("/var/log is a directory");

    // a large file: its start, its size, and the connection left fit for the next call
    assertThat(docker.runtime.exec(id, ExecRequest.of("sh", "-c",
        "head -c 33554432 /dev/zero > /var/log/big.log")).exitCode()).isZero();
    ContainerFile big = diagnostics.fileOf(id, "/var/log/big.log", 1024);
    assertThat(big.content()).hasSize(1024);
    assertThat(big.size()).isEqualTo(33_554_432L);
    assertThat(diagnostics.fileOf(id, "/var/log/app.log", 1024).size()).isEqualTo(18);

    docker.runtime.stop(id, Duration.ZERO);
    await().atMost(Duration.ofSeconds(20)).until(
        () -> docker.runtime.inspect(id).orElseThrow().state() == ContainerState.EXITED);
    assertThat(new String(diagnostics.fileOf(id, "/var/log/app.log", 1024).content(), UTF_8))
        .isEqualTo("line one\nline two\n");
  }
}
