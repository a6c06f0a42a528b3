package dev.tugboat.runtime;

/**
 * What a support bundle asks of the engine: Docker's own words about a container and about
 * itself, as it would print them ({@code docker inspect}, {@code docker info}, {@code docker
 * version}), a container's last output, and the files and command output the spec names for
 * support. Every call has the engine's call deadline and fails with a {@link RuntimeFailure} that
 * says why; none but {@link #exec} runs anything. Safe from any thread.
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

  /**
   * The regular file at {@code path} in the container, running or stopped, its first {@code
   * maxBytes} bytes; fails with a message that says why when there is no such file or it is a
   * directory. Reads, changes nothing.
   */
  ContainerFile fileOf(ContainerId id, String path, int maxBytes);

  /**
   * Runs a command the spec names for support in the running container and waits for it, as
   * {@link ContainerRuntime#exec} does: the one call here that runs something of the vendor's.
   */
  ExecResult exec(ContainerId id, ExecRequest request);

  /** Releases the engine's connections. */
  @Override
  void close();
}
