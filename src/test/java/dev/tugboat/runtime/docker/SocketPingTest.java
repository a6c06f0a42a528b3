package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketPingTest {

  @TempDir
  Path dir;

  @Test
  void anEngineThatAnswers200IsReachable() throws Exception {
    Path socket = dir.resolve("docker.sock");
    try (ServerSocketChannel engine = listen(socket)) {
      CompletableFuture<String> request = answerOnce(engine, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");

      ping(socket, Duration.ofSeconds(10)).ping();

      assertThat(request.get()).startsWith("GET /_ping HTTP/1.0\r\n");
    }
  }

  @Test
  void anotherAnswerIsNotReachable() throws Exception {
    Path socket = dir.resolve("docker.sock");
    try (ServerSocketChannel engine = listen(socket)) {
      answerOnce(engine, "HTTP/1.1 500 Internal Server Error\r\n\r\n");

      assertThatThrownBy(() -> ping(socket, Duration.ofSeconds(10)).ping())
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageContaining("answered HTTP/1.1 500");
    }
  }

  @Test
  void noEngineOnTheSocketIsUnreachable() {
    assertThatThrownBy(() -> ping(dir.resolve("none.sock"), Duration.ofSeconds(10)).ping())
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("cannot reach Docker at unix://");
  }

  @Test
  void anEngineThatTakesTheCallAndSaysNothingDidNotAnswer() throws Exception {
    Path socket = dir.resolve("docker.sock");
    CountDownLatch done = new CountDownLatch(1);
    try (ServerSocketChannel engine = listen(socket)) {
      CompletableFuture.runAsync(() -> {
        try (SocketChannel call = engine.accept()) {
          done.await();
        } catch (IOException | InterruptedException ignored) {
          // the test is over
        }
      });

      assertThatThrownBy(() -> ping(socket, Duration.ofMillis(200)).ping())
          .isInstanceOf(RuntimeFailure.class)
          .hasMessageContaining("did not answer a call to answer a ping");
    } finally {
      done.countDown();
    }
  }

  @Test
  void onlyAUnixSocketIsPingedThisWay() {
    assertThat(SocketPing.of(new DockerHost("tcp://127.0.0.1:2375"), Duration.ofSeconds(1)))
        .isEmpty();
    assertThat(SocketPing.of(new DockerHost("unix:///var/run/docker.sock"), Duration.ofSeconds(1)))
        .isPresent();
  }

  private static SocketPing ping(Path socket, Duration deadline) {
    Optional<SocketPing> ping = SocketPing.of(new DockerHost("unix://" + socket), deadline);
    assertThat(ping).isPresent();
    return ping.get();
  }

  private static ServerSocketChannel listen(Path socket) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return server;
  }

  /** Answers the first call with {@code answer}; completes with what the call sent. */
  private static CompletableFuture<String> answerOnce(ServerSocketChannel engine, String answer) {
    return CompletableFuture.supplyAsync(() -> {
      try (SocketChannel call = engine.accept()) {
        ByteBuffer request = ByteBuffer.allocate(1024);
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("\r\n\r\n") && call.read(request) >= 0) {
          seen.setLength(0);
          seen.append(new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII));
        }
        call.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
        return seen.toString();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
