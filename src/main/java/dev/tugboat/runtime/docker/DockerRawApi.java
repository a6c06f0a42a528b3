package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The engine's answers as it wrote them, for the fields docker-java's model drops (a container's
 * {@code Config.StopSignal}). Goes over the client's own connection pool; the caller sets the
 * deadline through {@link DockerCalls}, as for every other call.
 */
final class DockerRawApi {
  private final DockerClient client;
  private final ObjectMapper json = new ObjectMapper();

  DockerRawApi(DockerClient client) {
    this.client = client;
  }

  private DockerHttpClient http() {
    if (!(client instanceof DockerClientImpl impl)) {
      throw new IllegalStateException("a raw request needs docker-java's own client, not "
          + client.getClass().getName());
    }
    return impl.getHttpClient();
  }

  /** {@code GET path}: the JSON body; {@link NotFoundException} on 404, as docker-java throws. */
  JsonNode get(String path) {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET).path(path).build();
    try (DockerHttpClient.Response response = http().execute(request)) {
      int status = response.getStatusCode();
      byte[] body = response.getBody().readAllBytes();
      if (status == 404) {
        throw new NotFoundException(new String(body, java.nio.charset.StandardCharsets.UTF_8));
      }
      if (status / 100 != 2) {
        throw new IllegalStateException("GET " + path + " answered " + status + ": "
            + new String(body, java.nio.charset.StandardCharsets.UTF_8).trim());
      }
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + ": " + e.getMessage(), e);
    }
  }
}
