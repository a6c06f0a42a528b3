package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import dev.tugboat.runtime.ContainerFile;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EngineDiagnostics;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.LogTail;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@link EngineDiagnostics} on the Docker Engine. Inspect, info and version are asked of the
 * engine's HTTP API directly, not through docker-java's models: the bundle shows what the engine
 * said, every field of it, not what a client library of some version kept. Each call has
 * {@link DockerDeadlines#call()}; an answer larger than {@link DockerRawApi#MAX_ANSWER} is
 * refused.
 */
public final class DockerDiagnostics implements EngineDiagnostics, AutoCloseable {

  private final DockerClient client;
  private final DockerRawApi raw;
  private final DockerCalls calls;
  private final DockerLogs logs;
  private final DockerFailures failures;
  private final ContainerFileCopy files;
  private final DockerExec exec;

  private DockerDiagnostics(DockerClients.Connection connection, DockerHost host,
      DockerDeadlines deadlines) {
    this.client = connection.client();
    this.raw = new DockerRawApi(connection.http());
    this.failures = new DockerFailures(host);
    this.calls = new DockerCalls(host.uri(), deadlines);
    this.logs = new DockerLogs(client, deadlines, failures);
    this.files = new ContainerFileCopy(connection.http(), calls, failures);
    this.exec = new DockerExec(client, calls, failures);
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
    DockerRawApi.Answer answer = get(action, path);
    if (answer.status() == 404) {
      throw RuntimeFailure.noSuchContainer(id);
    }
    return bodyOr(answer, action);
  }

  @Override
  public String infoJson() {
    return bodyOr(get("tell its info", "/info"), "tell its info");
  }

  @Override
  public String versionJson() {
    return bodyOr(get("tell its version", "/version"), "tell its version");
  }

  @Override
  public LogTail logTail(ContainerId id, LogTail.Limits limits) {
    return LogTail.of(logs.tail(id, limits.lines()).stream().map(LogLine::text).toList(), limits);
  }

  @Override
  public ContainerFile fileOf(ContainerId id, String path, int maxBytes) {
    return files.read(id, path, maxBytes);
  }

  @Override
  public ExecResult exec(ContainerId id, ExecRequest request) {
    return exec.run(id, request);
  }

  private DockerRawApi.Answer get(String action, String path) {
    try {
      return calls.ask(action, () -> raw.get(path));
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
  }

  private static String bodyOr(DockerRawApi.Answer answer, String action) {
    if (!answer.ok()) {
      throw RuntimeFailure.engineError(action, "HTTP " + answer.status() + ": "
          + answer.body().strip(), null);
    }
    return answer.body();
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
