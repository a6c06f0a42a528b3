package dev.tugboat.daemon;

import dev.tugboat.runtime.EngineDiagnostics;
import dev.tugboat.runtime.docker.DockerDiagnostics;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's diagnostics client, made at the first support bundle (most daemons never make
 * one, and loading the client takes a second) and closed with the daemon. Thread-safe.
 */
final class EngineDiagnosticsConnection implements Supplier<EngineDiagnostics>, AutoCloseable {

  private final Optional<String> dockerHost;
  private DockerDiagnostics connected;

  EngineDiagnosticsConnection(Optional<String> dockerHost) {
    this.dockerHost = dockerHost;
  }

  @Override
  public synchronized EngineDiagnostics get() {
    if (connected == null) {
      connected = DockerDiagnostics.connect(dockerHost);
    }
    return connected;
  }

  @Override
  public synchronized void close() {
    if (connected != null) {
      connected.close();
    }
  }
}
