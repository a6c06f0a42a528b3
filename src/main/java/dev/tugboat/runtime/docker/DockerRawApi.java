package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The engine's answers as it wrote them, for what docker-java's models drop (a container's
 * {@code Config.StopSignal}) or a support bundle shows whole (inspect, info, version). Goes over
 * the client's own connection pool; the caller sets the deadline through {@link DockerCalls}, as
 * for every other call.
 */
final class DockerRawApi {

  /** Docker's inspect of a container with many mounts and env vars is tens of kilobytes. */
  static final int MAX_ANSWER = 4 * 1024 * 1024;

  private final Supplier<DockerHttpClient> http;

  DockerRawApi(DockerHttpClient http) {
    this.http = () -> http;
  }

  /** The transport under {@code client}, looked up on first use (tests may pass another client). */
  static DockerRawApi under(DockerClient client) {
    return new DockerRawApi(() -> {
      if (!(client instanceof DockerClientImpl impl)) {
        throw new IllegalStateException("a raw request needs docker-java's own client, not "
            + client.getClass().getName());
      }
      return impl.getHttpClient();
    });
  }

  private DockerRawApi(Supplier<DockerHttpClient> http) {
    this.http = http;
  }

  /** What the engine answered: its HTTP status and body. */
  record Answer(int status, String body) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  /** {@code GET path}; an answer larger than {@link #MAX_ANSWER} is refused. */
  Answer get(String path) {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET).path(path).build();
    try (DockerHttpClient.Response response = http.get().execute(request);
        InputStream body = response.getBody()) {
      byte[] bytes = body.readNBytes(MAX_ANSWER + 1);
      if (bytes.length > MAX_ANSWER) {
        throw new IllegalStateException("GET " + path + ": the answer is larger than "
            + MAX_ANSWER + " bytes");
      }
      return new Answer(response.getStatusCode(), new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + ": " + e.getMessage(), e);
    }
  }
}
