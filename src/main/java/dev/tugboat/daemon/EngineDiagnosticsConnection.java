package dev.tugboat.daemon;

import dev.tugboat.runtime.ContainerFile;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EngineDiagnostics;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.LogTail;
import dev.tugboat.runtime.docker.DockerDiagnostics;
import java.util.Optional;

/**
 * The engine's diagnostics, connected at the first call (most daemons never make a support
 * bundle, and loading the client takes a second) and closed with the daemon. Thread-safe.
 */
final class EngineDiagnosticsConnection implements EngineDiagnostics {

  private final Optional<String> dockerHost;
  private DockerDiagnostics connected;

  EngineDiagnosticsConnection(Optional<String> dockerHost) {
    this.dockerHost = dockerHost;
  }

  private synchronized EngineDiagnostics engine() {
    if (connected == null) {
      connected = DockerDiagnostics.connect(dockerHost);
    }
    return connected;
  }

  @Override
  public String inspectJson(ContainerId id) {
    return engine().inspectJson(id);
  }

  @Override
  public String infoJson() {
    return engine().infoJson();
  }

  @Override
  public String versionJson() {
    return engine().versionJson();
  }

  @Override
  public LogTail logTail(ContainerId id, LogTail.Limits limits) {
    return engine().logTail(id, limits);
  }

  @Override
  public ContainerFile fileOf(ContainerId id, String path, int maxBytes) {
    return engine().fileOf(id, path, maxBytes);
  }

  @Override
  public ExecResult exec(ContainerId id, ExecRequest request) {
    return engine().exec(id, request);
  }

  @Override
  public synchronized void close() {
    if (connected != null) {
      connected.close();
    }
  }
}
