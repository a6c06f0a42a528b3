package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EngineDiagnostics;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.LogTail;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@link EngineDiagnostics} on the Docker Engine. Inspect, info and version are asked of the
 * engine's HTTP API directly, not through docker-java's models: the bundle shows what the engine
 * said, every field of it, not what a client library of some version kept. Each call has
 * {@link DockerDeadlines#call()}; an answer larger than {@link #MAX_ANSWER} is refused.
 */
public final class DockerDiagnostics implements EngineDiagnostics, AutoCloseable {

  /** Docker's inspect of a container with many mounts and env vars is tens of kilobytes. */
  static final int MAX_ANSWER = 4 * 1024 * 1024;

  private final DockerClient client;
  private final DockerHttpClient http;
  private final DockerCalls calls;
  private final DockerLogs logs;
  private final DockerFailures failures;

  private DockerDiagnostics(DockerClients.Connection connection, DockerHost host,
      DockerDeadlines deadlines) {
    this.client = connection.client();
    this.http = connection.http();
    this.failures = new DockerFailures(host);
    this.calls = new DockerCalls(host.uri(), deadlines);
    this.logs = new DockerLogs(client, deadlines, failures);
  }

  /** Connects to {@code explicitHost}, else {@code DOCKER_HOST}, else the local socket. */
  public static DockerDiagnostics connect(Optional<String> explicitHost) {
    DockerHost host = DockerHost.resolve(explicitHost, System.getenv());
    return new DockerDiagnostics(DockerClients.open(host), host, DockerDeadlines.DEFAULT);
  }

  @Override
  public String inspectJson(ContainerId id) {
    String path = "/containers/" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8) + "/json";
    String action = "inspect container " + id;
    Answer answer = get(action, path);
    if (answer.status() == 404) {
      throw RuntimeFailure.noSuchContainer(id);
    }
    return answer.bodyOr(action);
  }

  @Override
  public String infoJson() {
    return get("tell its info", "/info").bodyOr("tell its info");
  }

  @Override
  public String versionJson() {
    return get("tell its version", "/version").bodyOr("tell its version");
  }

  @Override
  public LogTail logTail(ContainerId id, LogTail.Limits limits) {
    return LogTail.of(logs.tail(id, limits.lines()).stream().map(LogLine::text).toList(), limits);
  }

  private record Answer(int status, String body) {
    String bodyOr(String action) {
      if (status / 100 != 2) {
        throw RuntimeFailure.engineError(action, "HTTP " + status + ": " + body.strip(), null);
      }
      return body;
    }
  }

  private Answer get(String action, String path) {
    DockerHttpClient.Request request = DockerHttpClient.Request.builder()
        .method(DockerHttpClient.Request.Method.GET).path(path).build();
    try {
      return calls.ask(action, () -> {
        try (DockerHttpClient.Response response = http.execute(request);
            InputStream body = response.getBody()) {
          byte[] bytes = body.readNBytes(MAX_ANSWER + 1);
          if (bytes.length > MAX_ANSWER) {
            throw RuntimeFailure.engineError(action, "the answer is larger than "
                + MAX_ANSWER + " bytes", null);
          }
          return new Answer(response.getStatusCode(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
  }

  @Override
  public void close() {
    calls.close();
    try {
      client.close();
    } catch (IOException e) {
      // Closing releases pooled connections; one that is already broken has nothing to release.
    }
  }
}
