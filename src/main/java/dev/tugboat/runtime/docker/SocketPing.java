package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A ping of an engine on a Unix socket with the JDK alone: {@code GET /_ping}, answered {@code 200
 * OK} by an engine that works. The Docker client takes a while to load at the daemon's start; this
 * tells {@code /healthz} the truth before it is there, for the price of a few classes.
 */
public final class SocketPing {

  private static final byte[] REQUEST =
      "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Path socket;
  private final Duration deadline;

  private SocketPing(Path socket, Duration deadline) {
    this.socket = socket;
    this.deadline = deadline;
  }

  /** For {@code host} when it is a Unix socket (else empty: the client pings then). */
  public static Optional<SocketPing> of(DockerHost host, Duration deadline) {
    String prefix = "unix://";
    if (!host.uri().startsWith(prefix)) {
      return Optional.empty();
    }
    return Optional.of(new SocketPing(Path.of(host.uri().substring(prefix.length())), deadline));
  }

  /** For {@code DOCKER_HOST}, else the local socket, as {@link DockerRuntime#connect} resolves it. */
  public static Optional<SocketPing> of(Optional<String> explicitHost, Duration deadline) {
    return of(DockerHost.resolve(explicitHost, System.getenv()), deadline);
  }

  /** Returns when the engine answered 200; throws when it could not be reached or answered else. */
  public void ping() {
    // A blocking channel has no read timeout: the read runs on a thread of its own that the
    // deadline abandons (closing the channel ends it).
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException | UnsupportedOperationException e) {
      throw RuntimeFailure.engineUnreachable("unix://" + socket, e.toString(), e);
    }
    var thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "tugboat-socket-ping");
      t.setDaemon(true);
      return t;
    });
    try (channel) {
      Future<String> statusLine = thread.submit(() -> exchange(channel));
      String status = statusLine.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (!status.startsWith("HTTP/1.") || !status.contains(" 200")) {
        throw RuntimeFailure.engineUnreachable("unix://" + socket,
            "the ping was answered " + status, null);
      }
    } catch (TimeoutException e) {
      throw RuntimeFailure.engineDidNotAnswer("unix://" + socket, "answer a ping", deadline);
    } catch (ExecutionException e) {
      throw RuntimeFailure.engineUnreachable("unix://" + socket, e.getCause().toString(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RuntimeFailure.engineUnreachable("unix://" + socket, "interrupted", e);
    } catch (IOException e) {
      throw RuntimeFailure.engineUnreachable("unix://" + socket, e.toString(), e);
    } finally {
      thread.shutdownNow();
    }
  }

  /** The answer's status line. */
  private String exchange(SocketChannel channel) throws IOException {
    channel.connect(UnixDomainSocketAddress.of(socket));
    ByteBuffer request = ByteBuffer.wrap(REQUEST);
    while (request.hasRemaining()) {
      channel.write(request);
    }
    ByteBuffer answer = ByteBuffer.allocate(256);
    while (answer.hasRemaining() && channel.read(answer) >= 0) {
      String sofar = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
      int end = sofar.indexOf("\r\n");
      if (end >= 0) {
        return sofar.substring(0, end);
      }
    }
    return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).strip();
  }
}
