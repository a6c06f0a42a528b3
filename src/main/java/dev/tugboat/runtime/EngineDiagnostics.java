package dev.tugboat.runtime;

/**
 * What a support bundle asks of the engine: Docker's own words about a container and about
 * itself, as it would print them ({@code docker inspect}, {@code docker info}, {@code docker
 * version}), and a container's last output. Every call has the engine's call deadline and fails
 * with a {@link RuntimeFailure} that says why; none changes anything. Safe from any thread.
 */
public interface EngineDiagnostics extends AutoCloseable {

  /** The engine's inspect JSON of the container, unchanged ({@code NO_SUCH_CONTAINER} if gone). */
  String inspectJson(ContainerId id);

  /** The engine's {@code GET /info} JSON, unchanged. */
  String infoJson();

  /** The engine's {@code GET /version} JSON, unchanged. */
  String versionJson();

  /** The container's last output (stdout and stderr), cut to {@code limits}. */
  LogTail logTail(ContainerId id, LogTail.Limits limits);

  /** Releases the engine's connections. */
  @Override
  void close();
}
