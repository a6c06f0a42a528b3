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
    return send(DockerHttpClient.Request.Method.GET, path, null);
  }

  /** {@code POST path} with a JSON body (none when {@code json} is null). */
  Answer post(String path, String json) {
    return send(DockerHttpClient.Request.Method.POST, path, json);
  }

  /** {@code DELETE path}. */
  Answer delete(String path) {
    return send(DockerHttpClient.Request.Method.DELETE, path, null);
  }

  private Answer send(DockerHttpClient.Request.Method method, String path, String json) {
    DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder()
        .method(method).path(path);
    if (json != null) {
      request.putHeader("Content-Type", "application/json")
          .bodyBytes(json.getBytes(StandardCharsets.UTF_8));
    }
    try (DockerHttpClient.Response response = http.get().execute(request.build());
        InputStream body = response.getBody()) {
      byte[] bytes = body.readNBytes(MAX_ANSWER + 1);
      if (bytes.length > MAX_ANSWER) {
        throw new IllegalStateException(method + " " + path + ": the answer is larger than "
            + MAX_ANSWER + " bytes");
      }
      return new Answer(response.getStatusCode(), new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
    }
  }
}
