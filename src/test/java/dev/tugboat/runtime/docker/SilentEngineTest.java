package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime over docker-java's real Unix socket transport, against an engine that accepts
 * connections and never answers, as a paused dockerd does: every call that is not a stream fails
 * as unreachable once its deadline passed, instead of waiting for ever.
 */
class SilentEngineTest {

  private static final Duration DEADLINE = Duration.ofMillis(300);

  @TempDir Path dir;
  private ServerSocketChannel engine;
  private final List<SocketChannel> held = new CopyOnWriteArrayList<>();
  private Thread acceptor;
  private DockerRuntime runtime;

  @BeforeEach
  void silentEngine() throws IOException {
    Path socket = dir.resolve("docker.sock");
    engine = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    engine.bind(UnixDomainSocketAddress.of(socket));
    acceptor = new Thread(() -> {
      while (engine.isOpen()) {
        try {
          held.add(engine.accept()); // read nothing, answer nothing
        } catch (IOException closed) {
          return;
        }
      }
    }, "silent-engine");
    acceptor.setDaemon(true);
    acceptor.start();
    runtime = DockerRuntime.connect(new DockerHost("unix://" + socket),
        new DockerDeadlines(DEADLINE, DEADLINE.multipliedBy(2), DEADLINE, 8));
  }

  @AfterEach
  void stop() throws IOException, InterruptedException {
    runtime.close();
    engine.close();
    acceptor.join(5_000);
    for (SocketChannel c : held) {
      c.close();
    }
    Files.deleteIfExists(dir.resolve("docker.sock"));
  }

  @Test
  void questionsAndShortCommandsFailAsUnreachableAfterTheirDeadline() {
    ContainerId id = ContainerId.of("0123456789ab");
    assertUnanswered(() -> runtime.ping(), "a call to ping within 300 ms");
    assertUnanswered(() -> runtime.inspect(id), "a call to inspect " + id + " within 300 ms");
    assertUnanswered(() -> runtime.listByLabels(Map.of("app", "x")), "within 300 ms");
    assertUnanswered(() -> runtime.start(id), "a call to start " + id);
    assertUnanswered(() -> runtime.inspectImage("busybox:1"), "a call to inspect image busybox:1");
    assertUnanswered(() -> runtime.logs(id, 10), "a call to read the logs of " + id);
    assertUnanswered(() -> runtime.clusterNodes().nodes(),
        "a call to tell its swarm membership within 300 ms");
  }

  @Test
  void aStopWaitsItsGracePeriodAndAQuestionsDeadline() {
    ContainerId id = ContainerId.of("0123456789ab");
    assertUnanswered(() -> runtime.stop(id, Duration.ofSeconds(1)),
        "a call to stop " + id + " within 1300 ms");
    assertUnanswered(() -> runtime.remove(id), "a call to remove " + id + " within 600 ms");
  }

  @Test
  void aPullWhoseProgressIsSilentEnds() {
    assertUnanswered(() -> runtime.pullImage("busybox:1", java.util.Optional.empty()),
        "a call to pull busybox:1 (no progress) within 300 ms");
  }

  private static void assertUnanswered(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(RuntimeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE))
        .hasMessageContaining(message);
  }
}
